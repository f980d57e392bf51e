package org.voc.survey.definition.api;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.voc.survey.definition.domain.Brand;

/** The survey's brand on the respondent page; every part optional, also in the API's answers. */
@Schema(
        name = "SurveyBrand",
        description = "How the respondent page presents the survey. Publishing refuses an accent colour that contrasts "
                + "less than 4.5:1 (WCAG AA) with white, the colour of the text on it and of the page around it.")
public record BrandRequest(
        @Schema(description = "Shown at the top of the page, and the logo's alternative text", example = "Bank & Co")
        @Size(max = 100)
        String name,

        @Schema(
                description = "An https URL of the logo image; the page allows images from its origin only",
                example = "https://cdn.example.com/bank-logo.svg")
        @Size(max = 2000)
        @Pattern(regexp = "https://[^\\s\"'<>\\\\]+", message = "must be an https URL")
        String logoUrl,

        @Schema(
                description = "Buttons and selected answers, #rrggbb with at least 4.5:1 contrast against white",
                example = "#0b5cad")
        @Pattern(regexp = "#[0-9a-fA-F]{6}", message = "must be a colour #rrggbb")
        String accentColor) {

    /** Null when no part is set, so an empty object means "no brand". */
    Brand toBrand() {
        Brand brand = new Brand(blankToNull(name), blankToNull(logoUrl), lower(accentColor));
        return brand.unset() ? null : brand;
    }

    static BrandRequest of(Brand brand) {
        return brand == null ? null : new BrandRequest(brand.name(), brand.logoUrl(), brand.accentColor());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String lower(String colour) {
        return colour == null ? null : colour.toLowerCase(Locale.ROOT);
    }
}
