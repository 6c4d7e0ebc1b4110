package com.ticketledger.command.attachment;

import com.ticketledger.events.Visibility;
import com.ticketledger.web.problem.InvalidField;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collection;

/**
 * The multipart form of {@code POST /api/tickets/{id}/attachments}, read as strictly as the JSON bodies: one
 * part {@code file}, an optional {@code visibility} (PUBLIC, the default, or INTERNAL), and nothing else. A
 * misspelt part is refused by name, never ignored: a {@code visiblity=INTERNAL} must not publish the file.
 */
public record AttachmentForm(Upload upload, Visibility visibility) {

    public static final String FILE = "file";
    public static final String VISIBILITY = "visibility";

    public static AttachmentForm read(HttpServletRequest request, MultipartFile file, String visibility,
            AttachmentProperties properties) {
        int files = 0;
        for (Part part : parts(request)) {
            if (FILE.equals(part.getName())) {
                files++;
            } else if (!VISIBILITY.equals(part.getName())) {
                throw new InvalidField(part.getName(), "field.unknown");
            }
        }
        if (file == null || files == 0) {
            throw new InvalidField(FILE, "field.file-required");
        }
        if (files > 1) {
            throw new InvalidField(FILE, "field.one-file");
        }
        Visibility chosen = visibility(visibility);
        return new AttachmentForm(Upload.of(file, properties), chosen);
    }

    private static Visibility visibility(String value) {
        if (value == null) {
            return Visibility.PUBLIC;
        }
        return Arrays.stream(Visibility.values()).filter(candidate -> candidate.name().equals(value)).findFirst()
                .orElseThrow(() -> new InvalidField(VISIBILITY, "field.one-of", Arrays.toString(Visibility.values())));
    }

    private static Collection<Part> parts(HttpServletRequest request) {
        try {
            return request.getParts();
        } catch (IOException e) {
            throw new UncheckedIOException("the multipart body could not be read", e);
        } catch (ServletException e) {
            throw new IllegalStateException("not a multipart request", e);
        }
    }
}
