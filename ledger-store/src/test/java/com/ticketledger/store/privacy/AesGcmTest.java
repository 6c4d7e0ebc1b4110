package com.ticketledger.store.privacy;

import org.junit.jupiter.api.Test;

import javax.crypto.AEADBadTagException;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The thread's one cipher, initialised again for each value, keeps every value to its own key and place. */
class AesGcmTest {

    private static SecretKey key() throws NoSuchAlgorithmException {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        return generator.generateKey();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void valuesSealedInTurnUnderSeveralKeysOpenEachUnderItsOwn() throws Exception {
        SecretKey marta = key();
        SecretKey juan = key();
        byte[] first = AesGcm.seal(marta, bytes("marta@acme.example"), bytes("marta/email"));
        byte[] second = AesGcm.seal(juan, bytes("juan@globex.example"), bytes("juan/email"));
        byte[] third = AesGcm.seal(marta, bytes("+54 11 5555 0000"), bytes("marta/phone"));

        assertThat(new String(AesGcm.open(juan, second, bytes("juan/email")), StandardCharsets.UTF_8))
                .isEqualTo("juan@globex.example");
        assertThat(new String(AesGcm.open(marta, third, bytes("marta/phone")), StandardCharsets.UTF_8))
                .isEqualTo("+54 11 5555 0000");
        assertThat(new String(AesGcm.open(marta, first, bytes("marta/email")), StandardCharsets.UTF_8))
                .isEqualTo("marta@acme.example");
    }

    @Test
    void aRefusedValueLeavesTheCipherReadyForTheNext() throws Exception {
        SecretKey marta = key();
        SecretKey juan = key();
        byte[] sealed = AesGcm.seal(marta, bytes("marta@acme.example"), bytes("marta/email"));

        assertThatThrownBy(() -> AesGcm.open(juan, sealed, bytes("marta/email")))
                .isInstanceOf(AEADBadTagException.class);
        assertThatThrownBy(() -> AesGcm.open(marta, sealed, bytes("marta/phone")))
                .isInstanceOf(AEADBadTagException.class);
        assertThat(new String(AesGcm.open(marta, sealed, bytes("marta/email")), StandardCharsets.UTF_8))
                .isEqualTo("marta@acme.example");
    }

    @Test
    void theSameValueSealedTwiceDiffers() throws Exception {
        SecretKey marta = key();
        byte[] once = AesGcm.seal(marta, bytes("Marta"), bytes("marta/name"));
        byte[] twice = AesGcm.seal(marta, bytes("Marta"), bytes("marta/name"));

        assertThat(once).isNotEqualTo(twice);
    }
}
