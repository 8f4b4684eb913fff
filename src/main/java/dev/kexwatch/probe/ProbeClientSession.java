package dev.kexwatch.probe;

import org.apache.sshd.client.ClientFactoryManager;
import org.apache.sshd.client.session.ClientSessionImpl;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.io.IoSession;

/**
 * MINA's client session with one stricter check. On an invalid {@code packet_length} MINA does not fail:
 * like OpenSSH it keeps reading (up to 256 KiB) so an attacker cannot time the error. A probe never gets
 * past the unencrypted first packets, so there is no oracle to hide, and waiting would only turn a
 * protocol error into a timeout. So every packet header already in the buffer is checked first.
 */
final class ProbeClientSession extends ClientSessionImpl {

    /** RFC 4253 §6.1: at least 5 bytes (padding length byte + 4 padding); MINA's own upper limit. */
    private static final int MIN_PACKET_LENGTH = 5;
    private static final int MAX_PACKET_LENGTH = 256 * 1024;

    ProbeClientSession(ClientFactoryManager client, IoSession ioSession) throws Exception {
        super(client, ioSession);
    }

    @Override
    protected void decode() throws Exception {
        if (inCipher == null && decoderState == 0) {
            checkPacketLengths();
        }
        super.decode();
    }

    private void checkPacketLengths() throws SshException {
        byte[] data = decoderBuffer.array();
        long position = decoderBuffer.rpos();
        int end = decoderBuffer.wpos();
        while (position + 4 <= end) {
            int at = (int) position;
            long length = ((data[at] & 0xffL) << 24) | ((data[at + 1] & 0xffL) << 16)
                    | ((data[at + 2] & 0xffL) << 8) | (data[at + 3] & 0xffL);
            if (length < MIN_PACKET_LENGTH || length > MAX_PACKET_LENGTH) {
                throw new SshException(SshConstants.SSH2_DISCONNECT_PROTOCOL_ERROR,
                        "invalid packet_length " + length + " (RFC 4253 §6.1)");
            }
            position += 4 + length;
        }
    }
}
