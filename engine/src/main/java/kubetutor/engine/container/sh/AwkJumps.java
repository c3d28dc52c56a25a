package kubetutor.engine.container.sh;

/** How awk's next, exit, break and continue leave the statements they are in: unwinding, without a stack trace. */
final class AwkJumps {
    private AwkJumps() {}

    static final class Next extends RuntimeException {
        Next() {
            super(null, null, false, false);
        }
    }

    static final class Exit extends RuntimeException {
        final int code;

        Exit(int code) {
            super(null, null, false, false);
            this.code = code;
        }
    }

    static final class Break extends RuntimeException {
        Break() {
            super(null, null, false, false);
        }
    }

    static final class Continue extends RuntimeException {
        Continue() {
            super(null, null, false, false);
        }
    }
}
