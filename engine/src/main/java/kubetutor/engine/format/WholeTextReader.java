package kubetutor.engine.format;

import java.io.StringReader;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * SnakeYAML's reader over a text already in memory. SnakeYAML's own reads 1024 characters at a
 * time and copies everything not yet consumed on each read, and its scanner looks ahead to the end
 * of a scalar before consuming it: a 10 MB annotation made that quadratic (over a minute). This one
 * indexes the text directly, so reading a document is linear in its length, as go-yaml's is.
 */
public final class WholeTextReader extends StreamReader {
    /** Marks carry no text: kubetutor words errors by line, as go-yaml does, never with a snippet. */
    private static final int[] NO_SNIPPET = new int[0];

    private final String text;
    /** The code points, only when the text has characters outside the BMP; otherwise chars are code points. */
    private final int[] codePoints;
    private final int length;
    private int pointer;
    private int index;
    private int documentIndex;
    private int line;
    private int column;

    public WholeTextReader(String text) {
        super(new StringReader(""));
        this.text = text;
        boolean bmp = text.codePoints().allMatch(Character::isBmpCodePoint);
        this.codePoints = bmp ? null : text.codePoints().toArray();
        this.length = bmp ? text.length() : codePoints.length;
    }

    private int at(int i) {
        return codePoints == null ? text.charAt(i) : codePoints[i];
    }

    @Override
    public Mark getMark() {
        return new Mark("reader", index, line, column, NO_SNIPPET, 0);
    }

    @Override
    public void forward() {
        forward(1);
    }

    /** Moves past {@code n} code points, counting lines as SnakeYAML does (\r\n is one break, a final \r none, a BOM takes no column). */
    @Override
    public void forward(int n) {
        for (int i = 0; i < n && pointer < length; i++) {
            int c = at(pointer++);
            index++;
            documentIndex++;
            if (c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\r' && pointer < length && at(pointer) != '\n') {
                line++;
                column = 0;
            } else if (c != '\uFEFF') {
                column++;
            }
        }
    }

    @Override
    public int peek() {
        return pointer < length ? at(pointer) : 0;
    }

    @Override
    public int peek(int i) {
        return pointer + i < length ? at(pointer + i) : 0;
    }

    @Override
    public String prefix(int n) {
        int end = Math.min(length, pointer + n);
        if (codePoints == null) {
            return text.substring(pointer, end);
        }
        return new String(codePoints, pointer, end - pointer);
    }

    /** SnakeYAML calls this only for text without line breaks: the column moves, the line does not. */
    @Override
    public String prefixForward(int n) {
        String s = prefix(n);
        pointer += n;
        index += n;
        documentIndex += n;
        column += n;
        return s;
    }

    @Override
    public int getColumn() {
        return column;
    }

    @Override
    public int getDocumentIndex() {
        return documentIndex;
    }

    @Override
    public void resetDocumentIndex() {
        documentIndex = 0;
    }

    @Override
    public int getIndex() {
        return index;
    }

    @Override
    public int getLine() {
        return line;
    }
}
