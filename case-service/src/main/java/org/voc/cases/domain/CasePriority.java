package org.voc.cases.domain;

/** How urgently a detractor is called back: HIGH for NPS 0–3, NORMAL for 4–6. */
public enum CasePriority {
    HIGH,
    NORMAL;

    public static CasePriority ofNps(int nps) {
        return nps <= 3 ? HIGH : NORMAL;
    }
}
