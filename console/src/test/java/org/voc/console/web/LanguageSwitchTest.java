package org.voc.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The language switch goes back only to a page of the console itself, never to another site. */
class LanguageSwitchTest {

    @ParameterizedTest
    @CsvSource({
        "/cases?queue=mine, /cases?queue=mine",
        "/, /",
        "//evil.example/x, /",
        "https://evil.example/, /",
        "/\\evil.example, /",
        "cases, /",
        "'', /",
    })
    void backIsALocalPathOrTheStartPage(String back, String expected) {
        assertEquals(expected, LanguageResource.local(back));
    }
}
