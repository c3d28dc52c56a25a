package kubetutor.engine.format;

import java.util.Comparator;

/**
 * go-yaml v2's order for string map keys (sorter.go): not plain byte order. Runs of digits compare
 * as numbers ("a2" before "a10"), and a non-letter sorts before a letter at the first difference.
 */
final class GoYamlKeyOrder implements Comparator<String> {
    static final GoYamlKeyOrder INSTANCE = new GoYamlKeyOrder();

    private GoYamlKeyOrder() {
    }

    @Override
    public int compare(String x, String y) {
        if (x.equals(y)) {
            return 0;
        }
        return less(x.codePoints().toArray(), y.codePoints().toArray()) ? -1 : 1;
    }

    private static boolean less(int[] a, int[] b) {
        for (int i = 0; i < a.length && i < b.length; i++) {
            if (a[i] == b[i]) {
                continue;
            }
            boolean al = Character.isLetter(a[i]);
            boolean bl = Character.isLetter(b[i]);
            if (al && bl) {
                return a[i] < b[i];
            }
            if (al || bl) {
                return bl;
            }
            long an = 0;
            long bn = 0;
            if (a[i] == '0' || b[i] == '0') {
                for (int j = i - 1; j >= 0 && Character.isDigit(a[j]); j--) {
                    if (a[j] != '0') {
                        an = 1;
                        bn = 1;
                        break;
                    }
                }
            }
            int ai = i;
            for (; ai < a.length && Character.isDigit(a[ai]); ai++) {
                an = an * 10 + (a[ai] - '0');
            }
            int bi = i;
            for (; bi < b.length && Character.isDigit(b[bi]); bi++) {
                bn = bn * 10 + (b[bi] - '0');
            }
            if (an != bn) {
                return an < bn;
            }
            if (ai != bi) {
                return ai < bi;
            }
            return a[i] < b[i];
        }
        return a.length < b.length;
    }
}
