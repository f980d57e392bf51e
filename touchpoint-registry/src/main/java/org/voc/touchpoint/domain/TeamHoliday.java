package org.voc.touchpoint.domain;

import java.time.LocalDate;

/** A day the team does not work, a local date in its time zone; {@code name} is optional. */
public record TeamHoliday(LocalDate date, String name) {}
