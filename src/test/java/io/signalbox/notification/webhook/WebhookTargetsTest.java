package io.signalbox.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.signalbox.web.FieldProblem;
import io.signalbox.web.Refusal;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which webhook targets may be called (docs/webhooks.md), with the production settings (https only, no private
 * targets) unless a test says otherwise. Host names resolve through a fixed table, so that "a name that resolves to a
 * private address" is tested without a DNS server; IP literals need no resolver.
 */
class WebhookTargetsTest {

    private static final Map<String, String[]> DNS = Map.of(
            "hooks.example.com", new String[] {"93.184.216.34"},
            "rebound.example.com", new String[] {"10.0.0.7"},
            "mixed.example.com", new String[] {"93.184.216.34", "192.168.1.20"},
            "v6.example.com", new String[] {"2606:4700:4700::1111"});

    static InetAddress[] resolve(String host) throws UnknownHostException {
        if (host.startsWith("[") || Character.isDigit(host.charAt(0))) {
            return InetAddress.getAllByName(host); // a literal: parsed, never looked up
        }
        String[] addresses = DNS.get(host);
        if (addresses == null) {
            throw new UnknownHostException(host);
        }
        InetAddress[] resolved = new InetAddress[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            resolved[i] = InetAddress.getByName(addresses[i]);
        }
        return resolved;
    }

    private final WebhookTargets production = new WebhookTargets(false, false, WebhookTargetsTest::resolve);

    private static FieldProblem refusal(WebhookTargets targets, String url) {
        Refusal.Invalid refused =
                catchThrowableOfType(Refusal.Invalid.class, () -> targets.refuseUnsafe(url, "webhookUrl"));
        assertThat(refused).as("%s is refused", url).isNotNull();
        assertThat(refused.problems()).hasSize(1);
        assertThat(refused.problems().get(0).field()).isEqualTo("webhookUrl");
        return refused.problems().get(0);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "https://127.0.0.1/hook|a loopback address",
                "https://127.8.9.10:8443/hook|a loopback address",
                "https://[::1]/hook|a loopback address",
                "https://[::ffff:127.0.0.1]/hook|a loopback address",
                "https://[::127.0.0.1]/hook|a loopback address",
                "https://10.1.2.3/hook|a private address",
                "https://172.16.0.1/hook|a private address",
                "https://172.31.255.254/hook|a private address",
                "https://192.168.1.1/hook|a private address",
                "https://[fd00::1]/hook|a private address",
                "https://[fc00::1]/hook|a private address",
                "https://[::ffff:10.0.0.1]/hook|a private address",
                "https://[64:ff9b::c0a8:101]/hook|a private address",
                "https://169.254.10.1/hook|a link-local address",
                "https://[fe80::1]/hook|a link-local address",
                "https://169.254.169.254/latest/meta-data|a cloud metadata address",
                "https://[::ffff:169.254.169.254]/latest/meta-data|a cloud metadata address",
                "https://[fd00:ec2::254]/latest/meta-data|a cloud metadata address",
                "https://100.64.0.1/hook|carrier-grade NAT",
                "https://100.127.255.254/hook|carrier-grade NAT",
                "https://0.0.0.0/hook|an unspecified address",
                "https://[::]/hook|an unspecified address",
                "https://224.0.0.1/hook|a multicast or broadcast address",
                "https://[ff02::1]/hook|a multicast or broadcast address",
                "https://255.255.255.255/hook|a multicast or broadcast address",
                "https://rebound.example.com/hook|a private address",
                "https://mixed.example.com/hook|a private address",
            })
    void addressesOnThePortalsOwnNetworkAreRefusedNamingTheField(String url, String kind) {
        FieldProblem problem = refusal(production, url);
        assertThat(problem.message()).contains("resolves to").contains(kind).contains("give a public address");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://hooks.example.com/signalbox",
                "https://v6.example.com/hook",
                "https://93.184.216.34:8443/hook?team=network",
                "https://[2606:4700:4700::1111]/hook",
                "https://100.128.0.1/hook",
                "https://172.32.0.1/hook"
            })
    void httpsUrlsOfPublicAddressesAreAccepted(String url) {
        assertThat(production.refuseUnsafe(url, "webhookUrl")).isEqualTo(URI.create(url));
    }

    @Test
    void theFormOfTheUrlIsCheckedFirstAndEachRefusalSaysWhatToDo() {
        assertThat(refusal(production, null).message()).startsWith("is required");
        assertThat(refusal(production, "  ").message()).startsWith("is required");
        assertThat(refusal(production, "http://hooks.example.com/hook").message())
                .startsWith("must start with https://");
        assertThat(refusal(production, "ftp://hooks.example.com/hook").message())
                .startsWith("must start with https://");
        assertThat(refusal(production, "hooks.example.com/hook").message()).startsWith("must start with https://");
        assertThat(refusal(production, "https://user:secret@hooks.example.com/hook")
                        .message())
                .startsWith("must not carry a user name or password");
        assertThat(refusal(production, "https://hooks example.com/").message()).startsWith("is not a URL");
        assertThat(refusal(production, "https:///hook").message()).startsWith("must name a host");
        assertThat(refusal(production, "https://nowhere.invalid/hook").message())
                .contains("does not resolve");
        assertThat(refusal(production, "https://hooks.example.com/\u0000").message())
                .contains("ordinary characters");
        assertThat(refusal(production, "https://hooks.example.com/" + "a".repeat(2000))
                        .message())
                .contains("at most 2000");
    }

    @Test
    void theOperatorMayAllowPlainHttpAndPrivateTargetsButNeverTheMetadataAddress() {
        WebhookTargets internal = new WebhookTargets(true, true, WebhookTargetsTest::resolve);
        assertThat(internal.refuseUnsafe("http://127.0.0.1:9000/hook", "webhookUrl"))
                .isEqualTo(URI.create("http://127.0.0.1:9000/hook"));
        assertThat(internal.refuseUnsafe("https://rebound.example.com/hook", "webhookUrl"))
                .hasHost("rebound.example.com");
        assertThat(internal.refuseUnsafe("https://[fd00::1]/hook", "webhookUrl"))
                .hasHost("[fd00::1]");
        assertThat(refusal(internal, "http://169.254.169.254/latest/meta-data").message())
                .contains("a cloud metadata address");
        assertThat(refusal(internal, "https://user@10.0.0.1/hook").message())
                .startsWith("must not carry a user name or password");
    }

    @Test
    void aNameThatDoesNotResolveNowIsUnresolvableNotUnsafe() {
        assertThat(production.inspect("https://nowhere.invalid/hook")).isInstanceOf(WebhookTargets.Unresolvable.class);
        assertThat(production.inspect("https://rebound.example.com/hook")).isInstanceOf(WebhookTargets.Unsafe.class);
        assertThat(production.inspect("https://hooks.example.com/hook")).isInstanceOf(WebhookTargets.Safe.class);
    }
}
