package org.voc.kit.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Pseudonyms are stable per key and customer, differ across customers and keys, and reveal nothing readable. */
class PseudonymsTest {

    private static final String KEY = "a-test-key-of-enough-length";

    @Test
    void theSameCustomerGetsTheSamePseudonym() {
        Pseudonyms pseudonyms = new Pseudonyms(KEY);
        String first = pseudonyms.of("cust-4711");
        assertEquals(first, new Pseudonyms(KEY).of("cust-4711"), "stable across instances and calls");
        assertTrue(first.matches("pn-[0-9a-f]{24}"), first);
        assertTrue(!first.contains("4711"), first);
    }

    @Test
    void otherCustomersAndOtherKeysGiveOtherPseudonyms() {
        Pseudonyms pseudonyms = new Pseudonyms(KEY);
        assertNotEquals(pseudonyms.of("cust-4711"), pseudonyms.of("cust-4712"));
        assertNotEquals(pseudonyms.of("клиент-1"), pseudonyms.of("клиент-2"));
        assertNotEquals(pseudonyms.of("cust-4711"), new Pseudonyms(KEY + "!").of("cust-4711"));
    }

    @Test
    void nullStaysNullAndAShortKeyIsRefused() {
        assertNull(new Pseudonyms(KEY).of(null));
        assertThrows(IllegalArgumentException.class, () -> new Pseudonyms("too-short"));
        assertThrows(IllegalArgumentException.class, () -> new Pseudonyms(null));
    }

    @Test
    void aPseudonymisedDisclosureMasksAndAClearOneDoesNot() {
        Disclosure hidden = Disclosure.pseudonymised(new Pseudonyms(KEY));
        assertEquals(new Pseudonyms(KEY).of("cust-1"), hidden.customerRef("cust-1"));
        assertEquals("mail [email]", hidden.text("mail a@b.org"));
        assertEquals("cust-1", Disclosure.CLEAR.customerRef("cust-1"));
        assertEquals("mail a@b.org", Disclosure.CLEAR.text("mail a@b.org"));
    }
}
