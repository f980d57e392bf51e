package org.voc.response.domain;

/** One stored answer: a score for rating questions, a text for free-text ones; {@code type} is the question's. */
public record Answer(String questionId, String type, Integer score, String text) {
}
