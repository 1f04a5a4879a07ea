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
 * the next connections (accepted, then never a byte in answer: the hanging server that the email timeout is for).
 */
public final class SmtpGate implements AutoCloseable {

    private final int port;
    private final int upstreamPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
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

    /** The next {@code connections} connections are accepted and then never answered, until {@link #cutAll()}. */
    public void silenceNext(int connections) {
        silentToCome.set(connections);
    }

    /** How many connections were accepted and left unanswered so far. */
    public int silencedConnections() {
        return silenced.get();
    }

    /** Cuts every open connection, silent ones included (as a server that finally drops them). */
    public void cutAll() {
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException e) {
                return; // closed
            }
            open.add(client);
            if (silentToCome.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                silenced.incrementAndGet();
                continue; // held open, never answered
            }
            try {
                Socket server = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                open.add(server);
                threads.execute(() -> pump(client, server));
                threads.execute(() -> pump(server, client));
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side went away
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
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
