namespace NegLR.Experiments.Cli;

/// <summary>
/// Shell hooks for Tab completion. They ask the program itself through System.CommandLine's <c>[suggest:position]</c>
/// directive, so completions (verbs, options, choice values such as <c>--preset quick|paper</c>) never drift from the
/// parser. The program is whatever the user typed first (the published executable or a wrapper script on PATH).
/// </summary>
internal static class Completion
{
    public static string Script(string shell) => shell == "zsh"
        ? """
          # NegLR.Experiments Tab completion for zsh: eval "$(NegLR.Experiments completion zsh)"
          _neglr_experiments() {
            local -a items
            items=("${(@f)$("${words[1]}" "[suggest:${#BUFFER}]" "$BUFFER" 2>/dev/null)}")
            compadd -a items
          }
          compdef _neglr_experiments NegLR.Experiments

          """
        : """
          # NegLR.Experiments Tab completion for bash: eval "$(NegLR.Experiments completion bash)"
          _neglr_experiments() {
            local IFS=$'\n'
            COMPREPLY=($(compgen -W "$("${COMP_WORDS[0]}" "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null)" -- "${COMP_WORDS[COMP_CWORD]}"))
          }
          complete -o default -F _neglr_experiments NegLR.Experiments

          """;
}
