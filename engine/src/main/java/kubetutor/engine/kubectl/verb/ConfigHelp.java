package kubetutor.engine.kubectl.verb;

/** The help texts kubectl 1.32 prints for {@code kubectl config} mistakes (verbatim, as users see them). */
final class ConfigHelp {
    private ConfigHelp() {}

    /** {@code kubectl config} with no subcommand: printed on standard error, exit status 1. */
    static final String CONFIG = """
            Modify kubeconfig files using subcommands like "kubectl config set current-context my-context".

             The loading order follows these rules:

              1.  If the --kubeconfig flag is set, then only that file is loaded. The flag may only be set once and no merging takes place.
              2.  If $KUBECONFIG environment variable is set, then it is used as a list of paths (normal path delimiting rules for your system). These paths are merged. When a value is modified, it is modified in the file that defines the stanza. When a value is created, it is created in the first file that exists. If no files in the chain exist, then it creates the last file in the list.
              3.  Otherwise, ${HOME}/.kube/config is used and no merging takes place.

            Available Commands:
              current-context   Display the current-context
              delete-cluster    Delete the specified cluster from the kubeconfig
              delete-context    Delete the specified context from the kubeconfig
              delete-user       Delete the specified user from the kubeconfig
              get-clusters      Display clusters defined in the kubeconfig
              get-contexts      Describe one or many contexts
              get-users         Display users defined in the kubeconfig
              rename-context    Rename a context from the kubeconfig file
              set               Set an individual value in a kubeconfig file
              set-cluster       Set a cluster entry in kubeconfig
              set-context       Set a context entry in kubeconfig
              set-credentials   Set a user entry in kubeconfig
              unset             Unset an individual value in a kubeconfig file
              use-context       Set the current-context in a kubeconfig file
              view              Display merged kubeconfig settings or a specified kubeconfig file

            Usage:
              kubectl config SUBCOMMAND [options]

            Use "kubectl config <command> --help" for more information about a given command.
            Use "kubectl options" for a list of global command-line options (applies to all commands).
            """;

    static final String SET_CONTEXT = """
            Set a context entry in kubeconfig.

             Specifying a name that already exists will merge new fields on top of existing values for those fields.

            Examples:
              # Set the user field on the gce context entry without touching other values
              kubectl config set-context gce --user=cluster-admin

            Options:
                --cluster='':
            \tcluster for the context entry in kubeconfig

                --current=false:
            \tModify the current context

                --namespace='':
            \tnamespace for the context entry in kubeconfig

                --user='':
            \tuser for the context entry in kubeconfig

            Usage:
              kubectl config set-context [NAME | --current] [--cluster=cluster_nickname] [--user=user_nickname] [--namespace=namespace] [options]

            Use "kubectl options" for a list of global command-line options (applies to all commands).
            """;

    static final String USE_CONTEXT = """
            Set the current-context in a kubeconfig file.

            Aliases:
            use-context, use

            Examples:
              # Use the context for the minikube cluster
              kubectl config use-context minikube

            Usage:
              kubectl config use-context CONTEXT_NAME [options]

            Use "kubectl options" for a list of global command-line options (applies to all commands).
            """;
}
