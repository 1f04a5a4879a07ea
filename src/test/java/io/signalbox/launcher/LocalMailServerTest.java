package io.signalbox.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The local SMTP server of the run command: what the portal sends arrives, and README's way of seeing it works. */
class LocalMailServerTest {

    @Test
    void aMailSentToTheLocalServerIsReadThroughItsApi() throws Exception {
        Path jar = LocalMailServer.jarUnder(Path.of("target"))
                .orElseThrow(() -> new IllegalStateException("the build copies GreenMail in generate-resources"));
        Path log = Files.createTempFile("greenmail", ".log");
        try (LocalMailServer server = LocalMailServer.start(jar, freePort(), freePort(), freePort(), log)) {
            server.awaitReady(Duration.ofSeconds(60));
            Properties settings = new Properties();
            server.mailerProperties()
                    .forEach((key, value) -> settings.put(key.replace("quarkus.mailer.", "mail.smtp."), value));
            Session session = Session.getInstance(settings);
            MimeMessage mail = new MimeMessage(session);
            mail.setFrom(new InternetAddress("signalbox@localhost"));
            mail.setRecipient(Message.RecipientType.TO, new InternetAddress("rita@example.com"));
            mail.setSubject("Deprecation notice");
            mail.setText("Seen locally");
            Transport.send(mail);

            String inbox = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(
                                            URI.create(server.apiUrl() + "/user/rita@example.com/messages/INBOX"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            assertThat(inbox).contains("Deprecation notice").contains("Seen locally");
        }
    }

    @Test
    void aBuildWithoutGreenMailHasNoJarToStart() {
        assertThat(LocalMailServer.jarUnder(Path.of("no-such-build"))).isEmpty();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aPortSomethingListensOnIsSeenSoTheLauncherSendsThereInsteadOfStartingASecondServer() throws Exception {
        int port;
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = taken.getLocalPort();
            assertThat(LocalMailServer.listening(port)).isTrue();
        }
        assertThat(LocalMailServer.listening(port)).isFalse();
    }
}
