package com.ticketledger.runs;

import java.util.List;

/**
 * What a service desk's tickets say, for the benchmark's search: titles and descriptions made from a ticket's number
 * (the same number, the same words), in Spanish and English, accents included. Each subject is in about one title
 * in {@value #SUBJECT_SHARE}, each branch in one in a hundred and twenty, so a search finds from a few hundred to
 * several thousand of 100,000 tickets, as searches of a real desk do.
 */
final class DeskWords {

    static final int SUBJECT_SHARE = 24;

    private static final List<String> SUBJECTS = List.of("VPN", "impresora", "printer", "correo", "email",
            "servidor", "server", "conexión", "connection", "wifi", "teléfono", "phone", "contraseña", "password",
            "base de datos", "database", "firewall", "router", "factura", "invoice", "backup", "respaldo",
            "certificado", "licencia");
    private static final List<String> PROBLEMS = List.of("no funciona", "is down", "muy lento", "very slow",
            "no enciende", "will not start", "da error", "shows an error", "se cae cada hora", "drops every hour",
            "sin acceso", "access denied", "bloqueado", "locked out", "no sincroniza", "does not sync");
    private static final List<String> SENTENCES = List.of(
            "Desde esta mañana nadie de la sucursal puede trabajar.",
            "Since this morning nobody at the branch can work.",
            "El problema empezó después de la actualización del fin de semana.",
            "It started after the weekend update.",
            "Reiniciamos el equipo y sigue igual.",
            "We rebooted it and nothing changed.",
            "Afecta a todo el equipo de ventas y a la caja.",
            "The whole sales team and the tills are affected.",
            "La pantalla muestra un código de error que no entendemos.",
            "The screen shows an error code we do not understand.",
            "Necesitamos una solución antes del cierre del mes.",
            "We need it fixed before the month-end close.",
            "Otros usuarios de la oficina tienen el mismo síntoma.",
            "Other users in the office have the same symptom.",
            "Adjuntamos la captura de pantalla por correo.",
            "We sent the screenshot by email.",
            "El proveedor dice que del lado de ellos está todo bien.",
            "The vendor says everything is fine on their side.",
            "Pasa sobre todo a la tarde, cuando hay más carga.",
            "It happens mostly in the afternoon, under load.");

    private DeskWords() {
    }

    static String title(String number) {
        int n = seed(number);
        return SUBJECTS.get(n % SUBJECTS.size()) + " " + PROBLEMS.get(n / 7 % PROBLEMS.size()) + " en " + branch(n);
    }

    static String description(String number) {
        int n = seed(number);
        return SENTENCES.get(n / 3 % SENTENCES.size()) + " " + SENTENCES.get(n / 11 % SENTENCES.size()) + " "
                + SENTENCES.get(n / 13 % SENTENCES.size()) + " Sucursal " + branch(n) + ", equipo "
                + SUBJECTS.get(n / 5 % SUBJECTS.size()) + ".";
    }

    /** One of 120 branches, each a word of its own ({@code SucursalBa}). */
    static String branch(int n) {
        return "Sucursal" + (char) ('A' + n / 17 % 24) + (char) ('a' + n / 29 % 5);
    }

    private static int seed(String number) {
        return Math.floorMod(number.hashCode() * 31 + 17, 1_000_003);
    }
}
