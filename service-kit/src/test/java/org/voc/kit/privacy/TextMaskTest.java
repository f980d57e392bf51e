package org.voc.kit.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Masking of customer free text in English and Russian: what identifies goes, what explains stays. */
class TextMaskTest {

    @Test
    void masksAnEnglishVerbatimAndKeepsItsMeaning() {
        assertEquals(
                "Call me at [phone] or write to [email]; my card [number] was charged twice on 2026-11-20,"
                        + " 3 times in 2 days. Order 4711.",
                TextMask.mask("Call me at (555) 123-4567 or write to john.doe+bank@example.co.uk; my card"
                        + " 4111 1111 1111 1111 was charged twice on 2026-11-20, 3 times in 2 days. Order 4711."));
    }

    @Test
    void masksARussianVerbatimAndKeepsItsMeaning() {
        assertEquals(
                "Пишите на [email] или звоните [phone], карта [number], счёт [number]."
                        + " Списали 1 500 000 рублей 25.11.2026 в 09:15, ждал 40 минут.",
                TextMask.mask("Пишите на иван.петров@почта.рф или звоните +7 (912) 345-67-89, карта"
                        + " 2200 1234 5678 9010, счёт 40817810099910004312."
                        + " Списали 1 500 000 рублей 25.11.2026 в 09:15, ждал 40 минут."));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "8 800 555-35-35 | [phone]",
                "89123456789 | [phone]",
                "+44 20 7946 0958 | [phone]",
                "+7 912 345 67 89 | [phone]",
                "ivan@mail.ru | [email]",
                "Ivan.Petrov@Example.COM | [email]",
                "договор 1234567 | договор [number]",
                "паспорт 4510 123456 | паспорт [phone]",
                "IBAN DE89 3704 0044 0532 0130 00 | IBAN DE[number]",
                "2026 | 2026",
                "123456 | 123456",
                "NPS 3 из 10, 2 раза | NPS 3 из 10, 2 раза"
            })
    void masks(String text, String masked) {
        assertEquals(masked, TextMask.mask(text));
    }

    @Test
    void leavesTextWithoutPersonalDataAloneAndNullAsNull() {
        String verbatim = "Приложение вылетает при входе, a one-time code never arrived.";
        assertEquals(verbatim, TextMask.mask(verbatim));
        assertEquals("", TextMask.mask(""));
        assertNull(TextMask.mask(null));
    }
}
