package org.voc.response.domain;

/** What became of a submission: stored now ({@code created}) or already stored under the same id and body. */
public record Outcome(StoredResponse response, boolean created) {}
