package org.llmtracker.graph.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock for tests that moves by a fixed step at every reading, so that things recorded one
 * after another carry ordered times without reading the wall clock. {@link #advance} jumps ahead.
 */
public final class SteppingClock extends Clock {

    private final AtomicReference<Instant> now;
    private final Duration step;

    public SteppingClock(Instant start, Duration step) {
        this.now = new AtomicReference<>(start);
        this.step = step;
    }

    public void advance(Duration by) {
        now.updateAndGet(t -> t.plus(by));
    }

    @Override
    public Instant instant() {
        return now.getAndUpdate(t -> t.plus(step));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a stepping clock is UTC only");
    }
}
