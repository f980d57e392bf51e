package org.voc.console.cases;

import io.quarkus.qute.TemplateGlobal;
import java.util.List;

/** The values case-service accepts for a contact (docs/cases.md), offered by the case page's contact form. */
@TemplateGlobal
public final class CaseVocabulary {

    static final List<String> contactChannels =
            List.of("PHONE", "EMAIL", "SMS", "CHAT", "MESSENGER", "VIDEO", "IN_PERSON", "LETTER");

    static final List<String> contactOutcomes =
            List.of("REACHED", "NO_ANSWER", "LEFT_MESSAGE", "WRONG_CONTACT", "DECLINED");

    private CaseVocabulary() {}
}
