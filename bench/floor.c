/*
 * The floor: the least a probe can do, as fast as one process can do it. For each target: a non-blocking
 * connect, our identification line, the server's identification line, the framing of its first binary
 * packet (RFC 4253 §6: packet_length, then that many bytes; the payload must start with KEXINIT, 20), close.
 * No parsing of the name-lists, no policy, no output per target: every kexwatch and nmap figure in
 * bench/RESULTS.md is also given as a share of this one.
 *
 * Usage: floor ADDRESS BASE_PORT COUNT [CONCURRENCY]   (loopback only; targets that answer, no deadline)
 * Prints: floor: COUNT targets in S s = R targets/s; ok N, refused F, other O
 * Build:  cc -O2 -o target/floor bench/floor.c
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define BUF 4096
enum { OK, REFUSED, OTHER };
struct conn { int fd, port, len, ident_end; double started; unsigned char buf[BUF]; };

static const char IDENT[] = "SSH-2.0-floor_1.0\r\n";
static struct in_addr addr;
static int next_port, last_port, open_count, counts[3];

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static void finish(int ep, struct conn *c, int outcome) {
    epoll_ctl(ep, EPOLL_CTL_DEL, c->fd, NULL);
    close(c->fd);
    counts[outcome]++;
    open_count--;
    free(c);
}

static void start(int ep) {
    struct conn *c = calloc(1, sizeof *c);
    struct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = htons(next_port), .sin_addr = addr };
    c->port = next_port++;
    c->ident_end = -1;
    c->started = now();
    c->fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    open_count++;
    if (c->fd < 0) { counts[OTHER]++; open_count--; free(c); return; }
    int r = connect(c->fd, (struct sockaddr *) &sa, sizeof sa);
    struct epoll_event ev = { .events = EPOLLOUT | EPOLLIN, .data.ptr = c };
    epoll_ctl(ep, EPOLL_CTL_ADD, c->fd, &ev);
    if (r < 0 && errno != EINPROGRESS) finish(ep, c, errno == ECONNREFUSED ? REFUSED : OTHER);
}

/* 1 when the identification line and the whole first packet are in; -1 when it cannot be SSH. */
static int complete(struct conn *c) {
    if (c->ident_end < 0) {
        unsigned char *nl = memchr(c->buf, '\n', c->len);
        if (!nl) return c->len == BUF ? -1 : 0;
        if (c->len < 4 || memcmp(c->buf, "SSH-", 4) != 0) return -1;
        c->ident_end = nl - c->buf + 1;
    }
    int have = c->len - c->ident_end;
    if (have < 6) return 0;
    unsigned char *p = c->buf + c->ident_end;
    unsigned long packet = (unsigned long) p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3];
    if (packet > BUF - 4 - c->ident_end || p[5] != 20) return -1;
    return have >= (long) (4 + packet) ? 1 : 0;
}

static void event(int ep, struct conn *c, unsigned events) {
    if (events & EPOLLOUT) {
        int err = 0;
        socklen_t n = sizeof err;
        getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &err, &n);
        if (err) { finish(ep, c, err == ECONNREFUSED ? REFUSED : OTHER); return; }
        if (write(c->fd, IDENT, sizeof IDENT - 1) < 0) { finish(ep, c, OTHER); return; }
        struct epoll_event ev = { .events = EPOLLIN, .data.ptr = c };
        epoll_ctl(ep, EPOLL_CTL_MOD, c->fd, &ev);
    }
    if (events & (EPOLLIN | EPOLLHUP | EPOLLERR)) {
        ssize_t n = read(c->fd, c->buf + c->len, BUF - c->len);
        if (n <= 0) {
            if (n < 0 && errno == EAGAIN) return;
            finish(ep, c, n < 0 && errno == ECONNREFUSED ? REFUSED : OTHER);
            return;
        }
        c->len += n;
        int done = complete(c);
        if (done) finish(ep, c, done > 0 ? OK : OTHER);
    }
}

int main(int argc, char **argv) {
    if (argc < 4 || inet_pton(AF_INET, argv[1], &addr) != 1 || (ntohl(addr.s_addr) >> 24) != 127) {
        fprintf(stderr, "usage: floor 127.x.y.z BASE_PORT COUNT [CONCURRENCY]\n");
        return 64;
    }
    next_port = atoi(argv[2]);
    int count = atoi(argv[3]);
    last_port = next_port + count;
    int concurrency = argc > 4 ? atoi(argv[4]) : 1000;
    struct rlimit lim;
    getrlimit(RLIMIT_NOFILE, &lim);
    lim.rlim_cur = lim.rlim_max;
    setrlimit(RLIMIT_NOFILE, &lim);

    int ep = epoll_create1(0);
    struct epoll_event events[1024];
    double t0 = now();
    while (next_port < last_port || open_count > 0) {
        while (next_port < last_port && open_count < concurrency) start(ep);
        int n = epoll_wait(ep, events, 1024, 20);
        for (int i = 0; i < n; i++) event(ep, events[i].data.ptr, events[i].events);
    }
    double took = now() - t0;
    printf("floor: %d targets in %.3f s = %.0f targets/s; ok %d, refused %d, other %d\n", count, took, count / took,
           counts[OK], counts[REFUSED], counts[OTHER]);
    return 0;
}
