package io.signalbox.notification.delivery;

/**
 * What one run of the {@link DeliveryWorker} did, counted in rows.
 *
 * @param claimed rows taken to send (each counted as an attempt)
 * @param sent rows the channel accepted
 * @param retrying rows whose attempt failed and that wait for a later one
 * @param dead rows given up (a permanent failure, or still failing after the give-up period)
 * @param cancelled rows their source no longer wanted (nothing sent)
 * @param waitingForSender due rows of a channel that no sender in this portal serves; left pending, untouched
 */
public record DeliveryRun(int claimed, int sent, int retrying, int dead, int cancelled, int waitingForSender) {

    static final DeliveryRun NOTHING = new DeliveryRun(0, 0, 0, 0, 0, 0);

    DeliveryRun plus(DeliveryRun other) {
        return new DeliveryRun(
                claimed + other.claimed,
                sent + other.sent,
                retrying + other.retrying,
                dead + other.dead,
                cancelled + other.cancelled,
                waitingForSender + other.waitingForSender);
    }
}
