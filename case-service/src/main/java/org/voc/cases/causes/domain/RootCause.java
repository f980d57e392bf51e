package org.voc.cases.causes.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A category of the root-cause taxonomy (docs/improvement.md, "The taxonomy"): a node of a tree, named by a stable
 * code that cases' events carry. It is never deleted once created, only retired ({@code active} false), so cases and
 * improvement actions that name it keep their meaning; {@code version} is its ETag.
 */
public record RootCause(
        UUID id,
        String code,
        String name,
        String description,
        UUID parentId,
        boolean active,
        long version,
        Instant createdAt,
        Instant updatedAt) {}
