package org.voc.response.verbatims.domain;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.voc.response.domain.Answer;

/**
 * The searchable comment of a response: its free texts joined by a line break, null when none is non-blank. The
 * writer stores it with the row (column {@code comment_text}, trigram-indexed), and V11 computes the same for older
 * rows, so a text search never has to open the answers' JSON.
 */
public final class Comment {

    private Comment() {}

    public static String of(List<Answer> answers) {
        String joined = answers.stream()
                .map(Answer::text)
                .filter(Objects::nonNull)
                .filter(text -> !text.isBlank())
                .collect(Collectors.joining("\n"));
        return joined.isEmpty() ? null : joined;
    }
}
