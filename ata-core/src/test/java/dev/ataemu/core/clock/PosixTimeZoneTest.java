package dev.ataemu.core.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** POSIX time zone strings, as the devices' "Self Defined Time Zone" takes them. */
class PosixTimeZoneTest {

    private static ZoneOffset at(ZoneRules rules, String instant) {
        return rules.getOffset(Instant.parse(instant));
    }

    @Test
    @DisplayName("TIME-04 TIME-05 TIME-06 the factory MTZ+6MDT+5,M3.2.0,M11.1.0: UTC-6, and UTC-5 from March's second "
            + "Sunday 02:00 to November's first Sunday 02:00")
    void factoryZone() {
        ZoneRules rules = PosixTimeZone.parse("MTZ+6MDT+5,M3.2.0,M11.1.0").orElseThrow();
        assertThat(at(rules, "2026-01-15T12:00:00Z")).isEqualTo(ZoneOffset.ofHours(-6));
        assertThat(at(rules, "2026-03-08T07:59:00Z")).as("01:59 local, before the change").isEqualTo(ZoneOffset.ofHours(-6));
        assertThat(at(rules, "2026-03-08T08:00:00Z")).as("02:00 local").isEqualTo(ZoneOffset.ofHours(-5));
        assertThat(at(rules, "2026-07-01T12:00:00Z")).isEqualTo(ZoneOffset.ofHours(-5));
        assertThat(at(rules, "2026-11-01T07:00:00Z")).as("02:00 daylight time").isEqualTo(ZoneOffset.ofHours(-6));
    }

    @Test
    @DisplayName("TIME-03 TIME-05 zones east of Greenwich, the last Sunday (M3.5.0), a change time, a zone without "
            + "daylight time, and one without rules (US rules)")
    void otherForms() {
        ZoneRules europe = PosixTimeZone.parse("CET-1CEST,M3.5.0,M10.5.0/3").orElseThrow();
        assertThat(at(europe, "2026-03-29T00:59:00Z")).isEqualTo(ZoneOffset.ofHours(1));
        assertThat(at(europe, "2026-03-29T01:00:00Z")).isEqualTo(ZoneOffset.ofHours(2));
        assertThat(at(europe, "2026-10-25T00:59:00Z")).isEqualTo(ZoneOffset.ofHours(2));
        assertThat(at(europe, "2026-10-25T01:00:00Z")).isEqualTo(ZoneOffset.ofHours(1));
        assertThat(at(PosixTimeZone.parse("IST-5:30").orElseThrow(), "2026-06-01T00:00:00Z"))
                .isEqualTo(ZoneOffset.ofHoursMinutes(5, 30));
        assertThat(at(PosixTimeZone.parse("EST5EDT").orElseThrow(), "2026-07-01T12:00:00Z")).isEqualTo(ZoneOffset.ofHours(-4));
        assertThat(at(PosixTimeZone.parse("<-03>3").orElseThrow(), "2026-07-01T12:00:00Z")).isEqualTo(ZoneOffset.ofHours(-3));
    }

    @Test
    @DisplayName("TIME-03 strings that are no zone are refused")
    void notZones() {
        assertThat(PosixTimeZone.parse("")).isEmpty();
        assertThat(PosixTimeZone.parse("customize")).isEmpty();
        assertThat(PosixTimeZone.parse("MTZ+6MDT+5,M13.2.0,M11.1.0")).isEmpty();
        assertThat(PosixTimeZone.parse("MTZ+6MDT+5,M3.9.0,M11.1.0")).isEmpty();
        assertThat(PosixTimeZone.parse("MTZ+99")).isEmpty();
    }
}
