package org.vigil.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A webhook receiver that misbehaves the way real ones do, which WireMock cannot: it never answers, streams an
 * endless reply, or dribbles one byte at a time. A plain HTTP/1.1 server on 127.0.0.1 (one thread per connection)
 * that counts what it was sent, what it wrote and when the caller hung up.
 */
final class HostileReceiver implements AutoCloseable {

    enum Mode {
        /** Reads the request and never answers. */
        SILENT,
        /** Answers 200 and then streams a chunked body without end, about 8 MB/s. */
        ENDLESS,
        /** Answers 200 and then sends one body byte every 100 ms, never going quiet long enough to time out. */
        DRIBBLE
    }

    private final Mode mode;
    private final ServerSocket server;
    private final List<String> webhookIds = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger hungUp = new AtomicInteger();
    private final AtomicLong bytesWritten = new AtomicLong();

    HostileReceiver(Mode mode) {
        this.mode = mode;
        try {
            this.server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "hostile-" + mode);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
    }

    /** The webhook-id of every request that arrived, in order. */
    List<String> webhookIds() {
        return List.copyOf(webhookIds);
    }

    /** Connections the caller closed (or reset) while this receiver was still holding or writing them. */
    int hungUp() {
        return hungUp.get();
    }

    long bytesWritten() {
        return bytesWritten.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                open.add(s);
                Thread t = new Thread(() -> serve(s), "hostile-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            InputStream in = s.getInputStream();
            readRequest(in);
            OutputStream out = s.getOutputStream();
            switch (mode) {
                case SILENT -> {
                    while (in.read() >= 0) {
                        // nothing is ever answered; read() returns -1 when the caller gives up
                    }
                }
                case ENDLESS -> {
                    out.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    byte[] chunk = ("2000\r\n" + "x".repeat(0x2000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                    while (true) {
                        out.write(chunk);
                        bytesWritten.addAndGet(0x2000);
                        Thread.sleep(1);
                    }
                }
                case DRIBBLE -> {
                    out.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000000\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    while (true) {
                        out.write('x');
                        out.flush();
                        bytesWritten.incrementAndGet();
                        Thread.sleep(100);
                    }
                }
            }
            hungUp.incrementAndGet();
        } catch (IOException e) {
            if (!server.isClosed()) {
                hungUp.incrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("request cut short");
            }
            head.append((char) c);
        }
        int length = 0;
        for (String line : head.toString().split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            } else if (lower.startsWith("webhook-id:")) {
                webhookIds.add(line.substring(11).trim());
            }
        }
        in.readNBytes(length);
    }

    @Override
    public void close() {
        try {
            server.close();
            for (Socket s : open) {
                s.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
