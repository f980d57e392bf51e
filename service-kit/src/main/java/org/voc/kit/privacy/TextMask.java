package org.voc.kit.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what identifies a customer in free text — e-mail addresses, phone numbers, long digit runs (card, account,
 * passport numbers) — and keeps the rest, so a verbatim stays readable for analysis. Works on any script (Cyrillic
 * and Latin alike). Dates ({@code 2026-11-25}, {@code 25.11.2026}), times, short numbers and amounts grouped in
 * thousands ({@code 1 500 000}) are kept. It cannot see names or addresses written out in words: those stay.
 */
public final class TextMask {

    public static final String EMAIL = "[email]";
    public static final String PHONE = "[phone]";
    public static final String NUMBER = "[number]";

    /** Fewer digits than this (a year, an amount, a short order number) are kept. */
    private static final int MIN_DIGITS = 7;
    /** From this many digits a run is a card or account number rather than a phone number. */
    private static final int LONG_RUN_DIGITS = 13;

    private static final Pattern EMAIL_ADDRESS =
            Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}");
    /**
     * Digits joined by at most two of space, no-break space, dash and parentheses: {@code +7 (912) 345-67-89},
     * {@code 4111 1111 1111 1111}. Dots and slashes do not join, so dates are never one run.
     */
    private static final Pattern DIGIT_RUN =
            Pattern.compile("(?<![0-9])\\+?(?:\\([0-9]|[0-9])(?:[ \\u00A0()\\-]{0,2}[0-9])*(?![0-9])");

    private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern THOUSANDS = Pattern.compile("[0-9]{1,3}(?:[ \\u00A0][0-9]{3})+");

    private TextMask() {}

    /** The text with e-mail addresses, phone numbers and long digit runs replaced by markers; null stays null. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String withoutEmails = EMAIL_ADDRESS.matcher(text).replaceAll(EMAIL);
        Matcher runs = DIGIT_RUN.matcher(withoutEmails);
        StringBuilder out = new StringBuilder(withoutEmails.length());
        while (runs.find()) {
            runs.appendReplacement(out, Matcher.quoteReplacement(marker(runs.group())));
        }
        runs.appendTail(out);
        return out.toString();
    }

    private static String marker(String run) {
        long digits = run.chars().filter(c -> c >= '0' && c <= '9').count();
        if (digits < MIN_DIGITS
                || ISO_DATE.matcher(run).matches()
                || THOUSANDS.matcher(run).matches()) {
            return run;
        }
        if (digits >= LONG_RUN_DIGITS) {
            return NUMBER;
        }
        boolean written = run.startsWith("+") || run.chars().anyMatch(c -> c == ' ' || c == '-' || c == '(');
        // 10 or 11 bare digits are how phone numbers are typed (89123456789, 5551234567); 7 to 12 bare digits
        // otherwise are more likely an account or contract number.
        return written || digits == 10 || digits == 11 ? PHONE : NUMBER;
    }
}
