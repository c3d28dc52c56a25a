package kubetutor.engine.container.sh;

import kubetutor.engine.container.sh.AwkLexer.Kind;
import kubetutor.engine.container.sh.AwkLexer.Token;

import java.util.List;

/** The parser's place in an awk program's tokens, and its syntax errors in mawk's words. */
abstract class AwkTokens {
    final List<Token> tokens;
    int at;

    AwkTokens(List<Token> tokens) {
        this.tokens = tokens;
    }


    Token peek() {
        return tokens.get(at);
    }

    Token next() {
        return tokens.get(at++);
    }

    boolean accept(String p) {
        if (peek().is(p)) {
            at++;
            return true;
        }
        return false;
    }

    void expect(String p) {
        if (!accept(p)) {
            throw syntax();
        }
    }

    AwkLexer.Error syntax() {
        Token t = peek();
        // mawk's words (Debian's and Ubuntu's awk): the line past the last one when the program ends too soon
        return new AwkLexer.Error(t.kind() == Kind.EOF ? "line " + (t.line() + 1) + ": missing } near end of file"
                : "line " + t.line() + ": syntax error at or near " + (t.kind() == Kind.NEWLINE ? "end of line" : t.text()));
    }

    void newlines() {
        while (peek().kind() == Kind.NEWLINE || peek().is(";")) {
            at++;
        }
    }

    void optNewlines() {
        while (peek().kind() == Kind.NEWLINE) {
            at++;
        }
    }
}
