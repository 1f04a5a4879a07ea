package io.signalbox.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * A real SMTP server for the whole test run: GreenMail, reached through an {@link SmtpGate} so that tests can take the
 * server down or make it hang. The portal's mailer is pointed at the gate with the mock off: only a real SMTP
 * conversation proves that a mail was sent.
 */
public class SmtpTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile GreenMail running;
    private static volatile SmtpGate runningGate;
    private GreenMail greenMail;
    private SmtpGate gate;

    /** The SMTP server of the test run, to read what it received. */
    public static GreenMail greenMail() {
        if (running == null) {
            throw new IllegalStateException("No test SMTP server is running");
        }
        return running;
    }

    /** The way to the SMTP server, for tests that take it down or make it hang (and put it back). */
    public static SmtpGate gate() {
        if (runningGate == null) {
            throw new IllegalStateException("No test SMTP server is running");
        }
        return runningGate;
    }

    @Override
    public Map<String, String> start() {
        ServerSetup smtp = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        smtp.setServerStartupTimeout(10_000);
        greenMail = new GreenMail(smtp);
        greenMail.start();
        gate = SmtpGate.to(smtp.getPort());
        running = greenMail;
        runningGate = gate;
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(gate.port()),
                "quarkus.mailer.mock", "false",
                // GreenMail's plain SMTP: no STARTTLS with a certificate nobody trusts
                "quarkus.mailer.start-tls", "DISABLED");
    }

    @Override
    public void stop() {
        if (gate != null) {
            gate.close();
        }
        if (greenMail != null) {
            greenMail.stop();
        }
        running = null;
        runningGate = null;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
