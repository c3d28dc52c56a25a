package kubetutor.engine.container.sh;

import java.util.List;

/** The parsed form of a script. Words stay unexpanded until the moment they run. */
final class Ast {
    private Ast() {}

    sealed interface Node permits Seq, AndOr, Not, Pipeline, Simple, If, Loop, For, Group, Redirected {}

    /** Commands separated by ';', '&' or newlines. */
    record Seq(List<Node> items) implements Node {}

    record AndOr(Node left, boolean or, Node right) implements Node {}

    record Not(Node inner) implements Node {}

    record Pipeline(List<Node> stages) implements Node {}

    record Simple(List<Assign> assigns, List<Word> words, List<Redir> redirs, int line) implements Node {}

    /** {@code conds.get(i)} guards {@code bodies.get(i)} (if, then the elifs); {@code orElse} may be null. */
    record If(List<Node> conds, List<Node> bodies, Node orElse) implements Node {}

    record Loop(Node cond, Node body, boolean until) implements Node {}

    record For(String var, List<Word> words, Node body) implements Node {}

    /** { list; } or, with {@code subshell}, ( list ). */
    record Group(Node body, boolean subshell) implements Node {}

    record Redirected(Node inner, List<Redir> redirs) implements Node {}

    record Assign(String name, Word value) {}

    /** {@code op} is one of &lt; &gt; &gt;&gt; &gt;&amp; &lt;&amp;; {@code fd} the redirected descriptor. */
    record Redir(int fd, String op, Word target) {}

    record Word(List<Part> parts) {
        static Word literal(String s) {
            return new Word(List.of(new Lit(s, true)));
        }
    }

    sealed interface Part permits Lit, Param, CmdSub, Arith {}

    /** Literal text; quoted text is neither split nor globbed. */
    record Lit(String text, boolean quoted) implements Part {}

    /** $NAME or ${NAME[op arg]}; op is "", ":-", "-", ":=", "=", ":+", "+" or "#" (length). */
    record Param(String name, String op, Word arg, boolean quoted) implements Part {}

    record CmdSub(Node program, boolean quoted) implements Part {}

    record Arith(Word expr, boolean quoted) implements Part {}
}
