package org.safeguarding.rules.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.List;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.safeguarding.rules.api.Problem;
import org.safeguarding.rules.api.Workbook;

/**
 * A workbook saved with a password, the way Excel does it (File > Info > Protect Workbook >
 * Encrypt with Password: agile encryption in a compound file), is refused with how to remove
 * the password, never read and never an error.
 */
class EncryptedWorkbookTest {

    @Test
    void a_password_protected_workbook_is_refused_with_how_to_remove_the_password() throws Exception {
        byte[] encrypted = encrypt(EditedWorkbook.shippedBytes(), "a-secret");
        Workbook workbook = new Workbook("safeguarding-rules.drl.xlsx", encrypted);
        assertThat(workbook.formatRefusal()).hasValueSatisfying(message -> assertThat(message)
                .contains("password-protected").contains("Encrypt with Password").contains("'Excel 2007-365 (.xlsx)'"));
        WorkbookReader.Result read = WorkbookReader.read(List.of(workbook));
        assertThat(read.tables()).isEmpty();
        assertThat(read.problems()).extracting(Problem::message).singleElement().asString().contains("password-protected");
    }

    private static byte[] encrypt(byte[] workbook, String password) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword(password);
            try (OPCPackage opc = OPCPackage.open(new java.io.ByteArrayInputStream(workbook)); OutputStream out = encryptor.getDataStream(fs)) {
                opc.save(out);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            fs.writeFilesystem(bytes);
            return bytes.toByteArray();
        }
    }
}
