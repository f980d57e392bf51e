package org.voc.cases.causes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.voc.cases.causes.domain.Placed;
import org.voc.cases.causes.domain.RootCause;
import org.voc.cases.causes.domain.Taxonomy;

/** The tree's rules without a database: paths, tree order, cycles and active children. */
class TaxonomyTest {

    private static final Instant T = Instant.parse("2026-11-20T09:00:00Z");

    private final RootCause process = cause("PROCESS", "Process", null, true);
    private final RootCause delivery = cause("DELIVERY", "Card delivery", process.id(), true);
    private final RootCause courier = cause("COURIER_LATE", "Courier late", delivery.id(), true);
    private final RootCause address = cause("WRONG_ADDRESS", "Address wrong", delivery.id(), false);
    private final RootCause app = cause("APP", "App", null, true);
    private final Taxonomy tree = new Taxonomy(List.of(courier, app, address, delivery, process));

    @Test
    void treeOrderPutsEachParentBeforeItsChildrenAndEachLevelByName() {
        List<String> order =
                tree.inTreeOrder().stream().map(p -> p.cause().code()).toList();
        assertEquals(List.of("APP", "PROCESS", "DELIVERY", "WRONG_ADDRESS", "COURIER_LATE"), order);
        Placed last = tree.inTreeOrder().get(4);
        assertEquals(2, last.depth());
        assertEquals(
                List.of("Process", "Card delivery", "Courier late"),
                last.path().stream().map(RootCause::name).toList());
    }

    @Test
    void aCauseCannotMoveUnderItselfOrItsDescendants() {
        assertTrue(tree.wouldCycle(process.id(), process.id()));
        assertTrue(tree.wouldCycle(process.id(), delivery.id()));
        assertTrue(tree.wouldCycle(process.id(), courier.id()));
        assertTrue(tree.wouldCycle(delivery.id(), courier.id()));
        assertFalse(tree.wouldCycle(courier.id(), app.id()));
        assertFalse(tree.wouldCycle(delivery.id(), app.id()));
        assertFalse(tree.wouldCycle(courier.id(), process.id()), "moving up is no cycle");
    }

    @Test
    void activeChildrenLeaveRetiredOnesOut() {
        assertEquals(List.of(courier), tree.activeChildren(delivery.id()));
        assertEquals(List.of(), tree.activeChildren(courier.id()));
    }

    private static RootCause cause(String code, String name, UUID parent, boolean active) {
        return new RootCause(UUID.randomUUID(), code, name, null, parent, active, 0, T, T);
    }
}
