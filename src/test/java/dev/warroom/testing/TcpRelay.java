package dev.warroom.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback TCP relay in front of a server, so a test can take the server away from one client (as a
 * network cut or a restart looks to it) without stopping the server the other clients and tests use.
 * {@link #cut()} drops every relayed connection and refuses new ones; {@link #restore()} accepts again on
 * the same port. {@link #close()} stops its threads.
 */
public final class TcpRelay implements AutoCloseable {
    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final List<Socket> open = new ArrayList<>();
    private ServerSocket server;
    private Thread acceptor;

    private TcpRelay(String targetHost, int targetPort, int port) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.port = port;
    }

    /** Starts relaying a free loopback port to {@code host:port}. */
    public static TcpRelay to(String host, int port) throws IOException {
        int free;
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            free = probe.getLocalPort();
        }
        TcpRelay relay = new TcpRelay(host, port, free);
        relay.restore();
        return relay;
    }

    public int port() {
        return port;
    }

    /** Accepts connections again (after {@link #cut()}). */
    public synchronized void restore() throws IOException {
        if (server != null) {
            return;
        }
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        server = s;
        acceptor = new Thread(() -> accept(s), "tcp-relay-accept-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Drops every relayed connection and stops accepting: to the client, the server is gone. */
    public synchronized void cut() throws InterruptedException {
        ServerSocket s = server;
        server = null;
        closeQuietly(s);
        synchronized (open) {
            open.forEach(TcpRelay::closeQuietly);
            open.clear();
        }
        if (acceptor != null) {
            acceptor.join(2000);
            acceptor = null;
        }
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            Socket client;
            try {
                client = s.accept();
            } catch (IOException closed) {
                return;
            }
            try {
                Socket upstream = new Socket(targetHost, targetPort);
                synchronized (open) {
                    open.add(client);
                    open.add(upstream);
                }
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException gone) {
                // one side closed or the relay was cut
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "tcp-relay-pump-" + port);
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // already closed
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        cut();
    }
}
