package io.signalbox.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The SMTP server's front door as the portal under test sees it: a TCP relay on a port of its own to the real
 * GreenMail behind it, which a test can close (the server is down: connections are refused), reopen, or make silent for
 * the next connections that speak (from then on not a byte in answer: the hanging server that the email timeout is
 * for). Silencing acts on the next connection that sends anything, new or kept alive in the mailer's pool, so a test
 * need not know which connections the mailer holds.
 */
public final class SmtpGate implements AutoCloseable {

    private final int port;
    private final int upstreamPort;
    private final List<Relay> relays = new CopyOnWriteArrayList<>();
    private final AtomicInteger silentToCome = new AtomicInteger();
    private final AtomicInteger silenced = new AtomicInteger();
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "smtp-gate");
        thread.setDaemon(true);
        return thread;
    });
    private volatile ServerSocket listener;

    private SmtpGate(int port, int upstreamPort) {
        this.port = port;
        this.upstreamPort = upstreamPort;
    }

    /** Opens a gate on a free local port to the SMTP server listening on {@code upstreamPort}. */
    public static SmtpGate to(int upstreamPort) {
        try (ServerSocket probe = new ServerSocket(0)) {
            SmtpGate gate = new SmtpGate(probe.getLocalPort(), upstreamPort);
            probe.close();
            gate.open();
            return gate;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** Listens again on the same port (after {@link #close()}). */
    public synchronized void open() {
        if (listener != null && !listener.isClosed()) {
            return;
        }
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            listener = socket;
            threads.execute(() -> accept(socket));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server is down: the port refuses connections, and every open connection is cut. */
    @Override
    public synchronized void close() {
        try {
            if (listener != null) {
                listener.close();
            }
        } catch (IOException e) {
            // closing anyway
        }
        cutAll();
    }

    /**
     * The next {@code connections} connections that send anything get no answer from then on (their bytes are
     * swallowed), until {@link #releaseSilenced()}.
     */
    public void silenceNext(int connections) {
        silentToCome.set(connections);
    }

    /** How many connections were silenced so far. */
    public int silencedConnections() {
        return silenced.get();
    }

    /** Cuts the silenced connections (as a hanging server that finally drops them); the others go on. */
    public void releaseSilenced() {
        for (Relay relay : relays) {
            if (relay.silent) {
                relay.cut();
            }
        }
    }

    /** Cuts every open connection. */
    public void cutAll() {
        for (Relay relay : relays) {
            relay.cut();
        }
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException e) {
                return; // closed
            }
            try {
                Socket server = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                // SMTP is a conversation of short lines: relay each at once (Nagle would hold them back 40 ms)
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                Relay relay = new Relay(client, server);
                relays.add(relay);
                if (socket.isClosed()) {
                    relay.cut(); // the door closed while this connection came in: it must not outlive the close
                    continue;
                }
                threads.execute(() -> relay.pump(relay.client, relay.server, true));
                threads.execute(() -> relay.pump(relay.server, relay.client, false));
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    /** One client connection and its connection to the server. */
    private final class Relay {
        final Socket client;
        final Socket server;
        volatile boolean silent;

        Relay(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void pump(Socket from, Socket to, boolean fromClient) {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream()) {
                OutputStream out = to.getOutputStream();
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (fromClient && !silent && silentToCome.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                        silent = true;
                        silenced.incrementAndGet();
                    }
                    if (silent) {
                        continue; // swallowed: the client waits for an answer that never comes
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side went away
            } finally {
                cut();
            }
        }

        void cut() {
            closeQuietly(client);
            closeQuietly(server);
            relays.remove(this);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }
}
