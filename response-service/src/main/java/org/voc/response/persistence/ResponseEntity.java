package org.voc.response.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** Row of the response table; never leaves the service (the API maps it to its own views). */
@Entity
@Table(name = "response")
public class ResponseEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "survey_id", nullable = false)
    public UUID surveyId;

    @Column(name = "survey_version", nullable = false)
    public int surveyVersion;

    @Column(name = "touchpoint_key", nullable = false)
    public String touchpointKey;

    public String channel;

    @Column(name = "customer_ref", nullable = false)
    public String customerRef;

    @Column(name = "responded_at", nullable = false)
    public Instant respondedAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    public Integer nps;

    /** JSON array of {@code {questionId, type, score, text}}. */
    @Column(nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String answers;

    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    /** The invitation answered; null for an uninvited response. Unique where set (one invitation, one response). */
    @Column(name = "invitation_id")
    public UUID invitationId;

    /** The interaction's dimensions; null when unknown (and in every response stored before they were kept). */
    public String segment;

    @Column(name = "employee_ref")
    public String employeeRef;

    @Column(name = "process_ref")
    public String processRef;
}
