package io.signalbox.testing;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What the tests' real SMTP server (GreenMail) received for one address, read. */
public final class Mailbox {

    private Mailbox() {}

    /** A received email, read. */
    public record Mail(String to, String subject, String body, String messageId) {}

    /** Every email to {@code address} whose subject names {@code productKey}, in the order received. */
    public static List<Mail> to(String address, String productKey) {
        return all(address).stream()
                .filter(m -> m.subject() != null && m.subject().contains(productKey))
                .toList();
    }

    /** Every email to {@code address} (compared without case), in the order received. */
    public static List<Mail> all(String address) {
        List<Mail> found = new ArrayList<>();
        for (MimeMessage message : SmtpTestResource.greenMail().getReceivedMessages()) {
            try {
                boolean addressed = message.getAllRecipients() != null
                        && Arrays.stream(message.getAllRecipients())
                                .map(Address::toString)
                                .anyMatch(a -> a.toLowerCase().contains(address.toLowerCase()));
                if (addressed) {
                    found.add(new Mail(address, message.getSubject(), body(message), message.getMessageID()));
                }
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    /** The subjects' first words ("Deprecation:", "Reminder:", …) of the mails to an address about a product. */
    public static List<String> kinds(String address, String productKey) {
        return to(address, productKey).stream()
                .map(m -> m.subject().substring(0, m.subject().indexOf(' ')))
                .toList();
    }

    private static String body(MimeMessage message) throws MessagingException, IOException {
        Object content = message.getContent();
        return content instanceof String text ? text : String.valueOf(content);
    }
}
