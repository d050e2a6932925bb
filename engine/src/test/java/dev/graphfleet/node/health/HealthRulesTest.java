package dev.graphfleet.node.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthRulesTest {

    private static final Duration DAY = Duration.ofDays(1);
    private static final PeerView ONE_FRESH = new PeerView(2, 2, 1, Instant.EPOCH);
    private static final PeerView NONE_FRESH = new PeerView(2, 2, 0, Instant.EPOCH);

    private static HealthVerdict decide(String state, boolean ready, List<String> failed, Duration age, Duration max,
                                        PeerView peers, boolean current) {
        return HealthRules.decide(state, ready, failed, age, max, peers, current);
    }

    @Test
    void freshAndReadyServes() {
        HealthVerdict v = decide("ready", true, List.of(), Duration.ofHours(3), DAY, NONE_FRESH, true);
        assertThat(v.httpStatus()).isEqualTo(200);
        assertThat(v.status()).isEqualTo("ready");
        assertThat(v.stale()).isFalse();
        assertThat(v.reason()).isNull();
    }

    @Test
    void startingAndStoppingAnswer503WhateverThePeers() {
        assertThat(decide("starting", false, List.of(), null, DAY, ONE_FRESH, true))
                .extracting(HealthVerdict::httpStatus, HealthVerdict::status).containsExactly(503, "starting");
        assertThat(decide("shutting_down", false, List.of(), null, null, PeerView.NONE, false))
                .extracting(HealthVerdict::httpStatus, HealthVerdict::status).containsExactly(503, "shutting_down");
    }

    @Test
    void aFailedAttachAnswers503NamingTheRepositoryEvenWithoutAnyPeer() {
        HealthVerdict v = decide("starting", false, List.of("economic"), Duration.ofHours(1), DAY, PeerView.NONE, false);
        assertThat(v.httpStatus()).isEqualTo(503);
        assertThat(v.status()).isEqualTo("attach_failed");
        assertThat(v.reason()).contains("economic failed to attach");
    }

    @Test
    void staleWithAFreshServingPeerStepsOut() {
        HealthVerdict v = decide("ready", true, List.of(), Duration.ofHours(30), DAY, ONE_FRESH, true);
        assertThat(v.httpStatus()).isEqualTo(503);
        assertThat(v.status()).isEqualTo("stale");
        assertThat(v.stale()).isTrue();
        assertThat(v.reason()).contains("1 d 6 h old", "maximum staleness of 1 d", "1 of 2 peer(s) serve fresh data");
    }

    @Test
    void staleWithNoFreshPeerStaysInServiceSoTheGroupIsNeverDrained() {
        HealthVerdict v = decide("ready", true, List.of(), Duration.ofHours(30), DAY, NONE_FRESH, true);
        assertThat(v.httpStatus()).isEqualTo(200);
        assertThat(v.stale()).isTrue();
        assertThat(v.reason()).contains("no peer serves fresh data", "drain nothing");
    }

    @Test
    void staleWithAnOutdatedPeerViewOrNoPeersStaysInService() {
        assertThat(decide("ready", true, List.of(), Duration.ofHours(30), DAY, ONE_FRESH, false).httpStatus())
                .isEqualTo(200);
        HealthVerdict noPeers = decide("ready", true, List.of(), Duration.ofHours(30), DAY, PeerView.NONE, false);
        assertThat(noPeers.httpStatus()).isEqualTo(200);
        assertThat(noPeers.reason()).contains("no peers are configured (node.staleness.peers)");
    }

    @Test
    void exactlyTheMaximumIsNotStaleAndNoMaximumOrUnknownAgeNeverIs() {
        assertThat(decide("ready", true, List.of(), DAY, DAY, ONE_FRESH, true).stale()).isFalse();
        assertThat(decide("ready", true, List.of(), DAY.plusSeconds(1), DAY, ONE_FRESH, true).stale()).isTrue();
        assertThat(decide("ready", true, List.of(), Duration.ofDays(400), null, ONE_FRESH, true).httpStatus()).isEqualTo(200);
        assertThat(decide("ready", true, List.of(), null, DAY, ONE_FRESH, true).httpStatus()).isEqualTo(200);
    }

    @Test
    void wholeGroupStaleNeverFailsEverywhere() {
        // Three replicas booted from one snapshot go stale together: each sees no fresh peer, so all stay in.
        PeerView othersStale = new PeerView(2, 2, 0, Instant.EPOCH);
        for (int i = 0; i < 3; i++) {
            assertThat(decide("ready", true, List.of(), Duration.ofDays(3), DAY, othersStale, true).httpStatus())
                    .isEqualTo(200);
        }
    }

    @Test
    void ageInWords() {
        assertThat(HealthRules.words(Duration.ofSeconds(45))).isEqualTo("45 s");
        assertThat(HealthRules.words(Duration.ofMinutes(200))).isEqualTo("3 h 20 min");
        assertThat(HealthRules.words(Duration.ofHours(52))).isEqualTo("2 d 4 h");
    }

    @Test
    void peerViewIsCurrentOnlyWithinItsMaximumAge() {
        PeerView v = new PeerView(1, 1, 1, Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(v.isCurrent(Instant.parse("2026-01-01T00:00:30Z"), Duration.ofSeconds(32))).isTrue();
        assertThat(v.isCurrent(Instant.parse("2026-01-01T00:00:33Z"), Duration.ofSeconds(32))).isFalse();
        assertThat(PeerView.NONE.isCurrent(Instant.EPOCH, Duration.ofDays(1))).isFalse();
    }
}
