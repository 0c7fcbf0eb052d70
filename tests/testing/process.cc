#include "tests/testing/process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>

namespace iamlint::testing {

namespace {

void CloseIfOpen(int* fd) {
  if (*fd >= 0) close(*fd);
  *fd = -1;
}

}  // namespace

ProcessResult RunProcess(const std::vector<std::string>& argv, const std::string& working_dir,
                         const std::string& stdin_data) {
  ProcessResult result;
  int in[2], out[2], err[2];
  if (pipe(in) != 0 || pipe(out) != 0 || pipe(err) != 0) {
    result.err = "pipe() failed";
    return result;
  }
  // A child that exits before reading all its input must not kill us.
  signal(SIGPIPE, SIG_IGN);
  pid_t pid = fork();
  if (pid < 0) {
    result.err = "fork() failed";
    return result;
  }
  if (pid == 0) {
    dup2(in[0], 0);
    dup2(out[1], 1);
    dup2(err[1], 2);
    for (int fd : {in[0], in[1], out[0], out[1], err[0], err[1]}) close(fd);
    if (chdir(working_dir.c_str()) != 0) _exit(126);
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  close(in[0]);
  close(out[1]);
  close(err[1]);
  int to_child = in[1], from_out = out[0], from_err = err[0];
  fcntl(to_child, F_SETFL, fcntl(to_child, F_GETFL) | O_NONBLOCK);
  size_t written = 0;
  if (stdin_data.empty()) CloseIfOpen(&to_child);
  char buf[65536];
  while (from_out >= 0 || from_err >= 0) {
    pollfd fds[3];
    int n = 0;
    int out_at = -1, err_at = -1, in_at = -1;
    if (from_out >= 0) {
      out_at = n;
      fds[n++] = pollfd{from_out, POLLIN, 0};
    }
    if (from_err >= 0) {
      err_at = n;
      fds[n++] = pollfd{from_err, POLLIN, 0};
    }
    if (to_child >= 0) {
      in_at = n;
      fds[n++] = pollfd{to_child, POLLOUT, 0};
    }
    if (poll(fds, static_cast<nfds_t>(n), -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    auto drain = [&](int at, int* fd, std::string* sink) {
      if (at < 0 || fds[at].revents == 0) return;
      ssize_t got = read(*fd, buf, sizeof buf);
      if (got > 0) {
        sink->append(buf, static_cast<size_t>(got));
      } else if (got == 0 || errno != EINTR) {
        CloseIfOpen(fd);
      }
    };
    drain(out_at, &from_out, &result.out);
    drain(err_at, &from_err, &result.err);
    if (in_at >= 0 && fds[in_at].revents != 0) {
      ssize_t put = write(to_child, stdin_data.data() + written, stdin_data.size() - written);
      if (put > 0) written += static_cast<size_t>(put);
      if (put < 0 && errno != EAGAIN && errno != EINTR) CloseIfOpen(&to_child);
      if (written == stdin_data.size()) CloseIfOpen(&to_child);
    }
  }
  CloseIfOpen(&to_child);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status)) {
    result.exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    result.exit_code = 128 + WTERMSIG(status);
  }
  return result;
}

}  // namespace iamlint::testing
