package org.voc.survey.announcement.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.voc.events.ActionAnnounced;
import org.voc.events.ActionVerified;
import org.voc.kit.outbox.Outbox;
import org.voc.survey.announcement.persistence.AnnouncementRepository;
import org.voc.survey.distribution.persistence.ContactRepository;
import org.voc.survey.privacy.domain.CustomerHash;

/**
 * "You said, we did" (docs/improvement.md): survey-service owns contact governance, so it decides whom a verified
 * improvement action may be announced to. Each part of a {@code voc.action.verified.v1} becomes one {@code
 * voc.action.announced.v1} with its customers minus those who opted out of contact or were erased, published once
 * through the outbox in the transaction that records the part.
 */
@ApplicationScoped
public class Announcements {

    private final AnnouncementRepository announcements;
    private final ContactRepository contacts;
    private final CustomerHash hash;
    private final Outbox outbox;

    public Announcements(
            AnnouncementRepository announcements, ContactRepository contacts, CustomerHash hash, Outbox outbox) {
        this.announcements = announcements;
        this.contacts = contacts;
        this.hash = hash;
        this.outbox = outbox;
    }

    /** Announces every part of the poll that was not announced before; returns how many it announced. */
    @Transactional
    public int announce(List<ActionVerified> parts) {
        // Postgres keeps microseconds: the value stored equals the one published.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int announced = 0;
        for (ActionVerified part : parts) {
            Set<String> customers = new LinkedHashSet<>(part.customerRefs());
            Set<String> excludedRefs =
                    new HashSet<>(contacts.optedOut(customers).keySet());
            Map<String, String> byHash = new HashMap<>();
            customers.forEach(ref -> byHash.put(hash.of(ref), ref));
            announcements.erased(byHash.keySet()).forEach(h -> excludedRefs.add(byHash.get(h)));
            List<String> told = customers.stream()
                    .filter(ref -> !excludedRefs.contains(ref))
                    .toList();
            int excluded = customers.size() - told.size();
            if (!announcements.claim(
                    part.actionId(), part.verifiedAt(), part.part(), part.parts(), told.size(), excluded, now)) {
                continue;
            }
            outbox.publish(ActionAnnounced.TYPE.of(new ActionAnnounced(
                    part.actionId(),
                    part.title(),
                    part.touchpointKeys(),
                    told,
                    excluded,
                    part.part(),
                    part.parts(),
                    part.verifiedAt(),
                    now)));
            announced++;
        }
        return announced;
    }
}
