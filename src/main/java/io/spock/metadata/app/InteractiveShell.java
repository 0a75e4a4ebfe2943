package io.spock.metadata.app;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.springframework.shell.context.InteractionMode;
import org.springframework.shell.context.ShellContext;
import org.springframework.shell.jline.PromptProvider;

import java.util.List;
import java.util.Set;

/**
 * The interactive shell's loop, in place of Spring Shell's, which leaves on Ctrl-C at an empty prompt. As in psql and
 * bash: Ctrl-C at the prompt clears the line, Ctrl-C during a command stops that command ({@link CommandThread}), and
 * only {@code quit}, {@code exit} or Ctrl-D on an empty line leave.
 */
public final class InteractiveShell {

    private static final Set<String> QUIT = Set.of("quit", "exit");

    private final LineReader reader;
    private final PromptProvider prompt;
    private final ShellContext shellContext;
    private final CommandRunner runner;
    private final RunStatus status;

    public InteractiveShell(LineReader reader, PromptProvider prompt, ShellContext shellContext, CommandRunner runner,
                            RunStatus status) {
        this.reader = reader;
        this.prompt = prompt;
        this.shellContext = shellContext;
        this.runner = runner;
        this.status = status;
    }

    /** Reads and runs lines until the operator leaves; returns the last command's status. */
    public int run() {
        shellContext.setInteractionMode(InteractionMode.INTERACTIVE);
        while (true) {
            Thread.interrupted();
            try {
                reader.readLine(prompt.getPrompt().toAnsi(reader.getTerminal()));
            } catch (UserInterruptException ctrlC) {
                continue;
            } catch (EndOfFileException ctrlD) {
                return status.current();
            }
            List<String> words = reader.getParsedLine().words().stream().filter(w -> !w.isEmpty()).toList();
            if (words.size() == 1 && QUIT.contains(words.get(0))) {
                return status.current();
            }
            runner.run(words);
        }
    }
}
