package kubetutor.engine.command;

/** What a flag's value or a positional argument is, so completion can offer the right candidates. */
public enum ValueKind {
    /** A boolean flag: no value. */
    NONE,
    /** Free text. */
    TEXT,
    /** A number in a flag kubectl declares as a Go int32 ("create deployment --replicas"): a wider one is out of range. */
    INT32,
    OUTPUT_FORMAT,
    NAMESPACE,
    FILE,
    NODE,
    RESOURCE_TYPE,
    /** Names of objects of the resource type given earlier on the line. */
    OBJECT_NAME,
    POD,
    CONTEXT,
    LESSON,
    LANGUAGE,
    DURATION,
    SORT_FIELD,
    LABEL_SELECTOR,
    SERVICE_TYPE,
    RESTART_POLICY,
    /** What {@code help} explains: the session's commands and kubectl's verbs. */
    HELP_TOPIC,
    /** A key=value pair given whole: pflag's StringArray, whose repeats are not split at commas (--from-literal). */
    KEY_VALUE
}
