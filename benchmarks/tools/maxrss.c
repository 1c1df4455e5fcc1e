/* maxrss OUTFILE CMD [ARGS...]: run CMD as a child, wait for it, write "<ru_maxrss KiB> <status>" to OUTFILE
   (status: exit code, or -N for death by signal N) and exit with the child's exit code (128+N for a signal).

   Why: Linux counts the memory image a process had before exec in its ru_maxrss, so a child forked straight
   from the (Python) benchmark runner never reports less than the runner's own RSS (~16 MiB). Forked from this
   tiny program instead, the benchmark's peak RSS is its own. run.py builds this into benchmarks/build/. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: maxrss OUTFILE CMD [ARGS...]\n");
        return 125;
    }
    pid_t pid = fork();
    if (pid < 0) {
        perror("maxrss: fork");
        return 125;
    }
    if (pid == 0) {
        execvp(argv[2], argv + 2);
        fprintf(stderr, "maxrss: cannot execute %s: ", argv[2]);
        perror("");
        _exit(127);
    }
    int status;
    struct rusage ru;
    while (wait4(pid, &status, 0, &ru) < 0) {
        if (errno != EINTR) {
            perror("maxrss: wait4");
            return 125;
        }
    }
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : WIFSIGNALED(status) ? -WTERMSIG(status) : 125;
    FILE *f = fopen(argv[1], "w");
    if (f) {
        fprintf(f, "%ld %d\n", ru.ru_maxrss, code);
        fclose(f);
    }
    return code >= 0 ? code : 128 - code;
}
