package io.spock.metadata.support;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A PostgreSQL server that refuses every password, speaking just enough of the wire protocol (v3) for the JDBC
 * driver: no TLS, a clear-text password request, then {@code FATAL 28P01 password authentication failed}. The test
 * server of {@code .ci/postgres.sh} trusts every connection, so a wrong password cannot be tried there.
 */
public final class FakePostgres implements AutoCloseable {

    private static final int SSL_REQUEST = 80877103;
    private static final int GSS_REQUEST = 80877104;

    private final ServerSocket server;
    private final Thread acceptor;

    public FakePostgres() throws IOException {
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::serve, "fake-postgres");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket client = server.accept()) {
                refuse(new DataInputStream(client.getInputStream()), new DataOutputStream(client.getOutputStream()));
            } catch (IOException e) {
                // the client went away, or the server closed: wait for the next one
            }
        }
    }

    private static void refuse(DataInputStream in, DataOutputStream out) throws IOException {
        String user = "";
        while (true) {
            int length = in.readInt();
            int code = in.readInt();
            byte[] rest = in.readNBytes(length - 8);
            if (code == SSL_REQUEST || code == GSS_REQUEST) {
                out.writeByte('N');
                out.flush();
                continue;
            }
            user = parameter(rest, "user");
            break;
        }
        out.writeByte('R');
        out.writeInt(8);
        out.writeInt(3);
        out.flush();
        in.readByte();
        in.readNBytes(in.readInt() - 4);
        byte[] fields = ("SFATAL\0VFATAL\0C28P01\0Mpassword authentication failed for user \"" + user + "\"\0\0")
                .getBytes(StandardCharsets.UTF_8);
        out.writeByte('E');
        out.writeInt(4 + fields.length);
        out.write(fields);
        out.flush();
    }

    private static String parameter(byte[] startup, String name) {
        String[] parts = new String(startup, StandardCharsets.UTF_8).split("\0");
        for (int i = 0; i + 1 < parts.length; i++) {
            if (parts[i].equals(name)) {
                return parts[i + 1];
            }
        }
        return "";
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
