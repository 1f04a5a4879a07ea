package io.signalbox.notification.email;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.signalbox.notification.Channel;
import io.signalbox.notification.ChannelSender;
import io.signalbox.notification.DeliveryRecord;
import io.signalbox.notification.Message;
import io.signalbox.notification.MessageIds;
import io.smallrye.mutiny.TimeoutException;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The email channel: one plain-text mail per delivery row through quarkus-mailer to the configured SMTP server
 * ({@code quarkus.mailer.*}). Every send is abandoned after {@code signalbox.notification.email.timeout} (30 s): the
 * mailer's own wait has been reported to hang forever on a server that accepts the connection and never answers.
 * Every send runs on one Vert.x event loop ({@link #mailLoop()}), whichever thread waits for it.
 *
 * <p>Each mail carries {@code Message-ID: <delivery-{id}@{portal host}>} ({@link MessageIds}) and
 * {@code X-Signalbox-Delivery: {id}}, fixed by the row: a mail sent again after a crash between the server's
 * acceptance and the mark is the same message to the receiving side.
 */
@ApplicationScoped
public class EmailSender implements ChannelSender {

    /** The header naming the delivery row a mail was sent for. */
    public static final String DELIVERY_HEADER = "X-Signalbox-Delivery";

    /**
     * SMTP replies that say this recipient can never be reached this way (RFC 5321 4.2.2: mailbox unavailable, user
     * not local, mailbox name not allowed); any other failure, a 5xx about the server's own setup included, is retried.
     */
    private static final Set<Integer> UNREACHABLE_RECIPIENT = Set.of(550, 551, 553);

    @Inject
    ReactiveMailer mailer;

    @Inject
    Vertx vertx;

    private volatile Context mailLoop;

    @ConfigProperty(name = "signalbox.notification.email.timeout", defaultValue = "30S")
    Duration timeout;

    @ConfigProperty(name = "signalbox.public-url", defaultValue = "http://localhost:8080")
    URI publicUrl;

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    /**
     * Sends the message to {@code delivery.target()} and waits for the server's acceptance, at most the timeout.
     *
     * @throws DeliveryFailed permanent for an address the server refuses for good (550, 551, 553) or that is not an
     *     address at all; otherwise transient (the server is down, slow or refusing for now)
     */
    @Override
    public void send(DeliveryRecord delivery, Message message) throws DeliveryFailed {
        String address = delivery.target();
        if (address == null || !address.matches("[^\\s@<>]+@[^\\s@<>]+")) {
            throw new DeliveryFailed("not an email address: " + address, true, null);
        }
        String messageId =
                delivery.messageId() != null ? delivery.messageId() : MessageIds.of(delivery.id(), publicUrl);
        Mail mail = Mail.withText(address, message.subject(), body(message))
                .addHeader("Message-ID", "<" + messageId + ">")
                .addHeader(DELIVERY_HEADER, String.valueOf(delivery.id()));
        try {
            Context eventLoop = mailLoop();
            mailer.send(mail)
                    .runSubscriptionOn(task -> eventLoop.runOnContext(ignored -> task.run()))
                    .await()
                    .atMost(timeout);
        } catch (TimeoutException e) {
            throw new DeliveryFailed(
                    "the SMTP server did not accept the mail within " + timeout.toSeconds() + " s; abandoned",
                    false,
                    e);
        } catch (RuntimeException e) {
            Throwable cause = rootSmtpCause(e);
            if (cause instanceof SMTPException smtp) {
                throw new DeliveryFailed(
                        "the SMTP server answered " + smtp.getReplyCode() + ": " + smtp.getReplyMessage(),
                        UNREACHABLE_RECIPIENT.contains(smtp.getReplyCode()),
                        e);
            }
            throw new DeliveryFailed("sending to the SMTP server failed: " + describe(e), false, e);
        }
    }

    /**
     * The one event loop every send runs on: Vert.x's mail client installs its reader on a pooled connection only when
     * the connection is handed to a send, and a greeting that arrived in between on another event loop was dropped and
     * waited for forever (docs/notifications.md, "Email"). On one loop the hand-over and the first read cannot
     * interleave. Created through Vert.x's internal API because the public one gives the calling thread's context,
     * which on a worker thread is no event loop.
     */
    private Context mailLoop() {
        Context loop = mailLoop;
        if (loop == null) {
            synchronized (this) {
                if (mailLoop == null) {
                    mailLoop = ((VertxInternal) vertx).createEventLoopContext();
                }
                loop = mailLoop;
            }
        }
        return loop;
    }

    /** The mail's text: the message's own, then its link on a line of its own (mail clients make it clickable). */
    static String body(Message message) {
        StringBuilder text =
                new StringBuilder(message.text() == null ? "" : message.text().strip());
        if (message.link() != null) {
            text.append("\n\n").append(message.link());
        }
        return text.append('\n').toString();
    }

    private static Throwable rootSmtpCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SMTPException) {
                return t;
            }
        }
        return e;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage();
        return root.getClass().getSimpleName() + (text == null ? "" : ": " + text);
    }
}
