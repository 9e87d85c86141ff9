/*
 * The kernel's floor for RtpLoad's workload on this machine: N pairs of UDP sockets on loopback,
 * each sending socket sends one 172-byte datagram every 20 ms (the sends spread evenly over the
 * period), and one receiving thread takes them with epoll and recvfrom, napping NAP µs between
 * looks while busy as the emulator's receive loops do. No Java, no RTP: the CPU per datagram sent
 * plus received is what the system calls alone cost.
 *
 *   gcc -O2 -pthread -o udp_floor udp_floor.c && ./udp_floor 1000 20 1000
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static int pairs;
static int nap_us;
static int *receiving;
static volatile int running = 1;
static long received;

static long now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000000000L + t.tv_nsec;
}

static double seconds(struct timeval t) {
    return t.tv_sec + t.tv_usec / 1e6;
}

static void *receive_loop(void *unused) {
    (void) unused;
    int poller = epoll_create1(0);
    struct epoll_event event;
    struct epoll_event ready[1024];
    char buffer[2048];
    for (int i = 0; i < pairs; i++) {
        event.events = EPOLLIN;
        event.data.fd = receiving[i];
        epoll_ctl(poller, EPOLL_CTL_ADD, receiving[i], &event);
    }
    int busy = 0;
    while (running) {
        if (busy && nap_us > 0) {
            usleep(nap_us);
        }
        int count = epoll_wait(poller, ready, 1024, busy ? 0 : 100);
        busy = count > 0;
        for (int i = 0; i < count; i++) {
            if (recvfrom(ready[i].data.fd, buffer, sizeof buffer, 0, NULL, NULL) > 0) {
                received++;
            }
        }
    }
    return NULL;
}

static int bound_socket(void) {
    int s = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0);
    struct sockaddr_in any = {0};
    any.sin_family = AF_INET;
    any.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (s < 0 || bind(s, (struct sockaddr *) &any, sizeof any) != 0) {
        perror("socket");
        exit(1);
    }
    return s;
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: %s PAIRS SECONDS NAP_MICROS\n", argv[0]);
        return 2;
    }
    pairs = atoi(argv[1]);
    int duration = atoi(argv[2]);
    nap_us = atoi(argv[3]);
    int *sending = calloc(pairs, sizeof(int));
    struct sockaddr_in *targets = calloc(pairs, sizeof *targets);
    receiving = calloc(pairs, sizeof(int));
    for (int i = 0; i < pairs; i++) {
        sending[i] = bound_socket();
        receiving[i] = bound_socket();
        socklen_t length = sizeof targets[i];
        getsockname(receiving[i], (struct sockaddr *) &targets[i], &length);
    }
    pthread_t receiver;
    pthread_create(&receiver, NULL, receive_loop, NULL);
    char datagram[172];
    memset(datagram, 0x55, sizeof datagram);
    struct rusage before;
    struct rusage after;
    getrusage(RUSAGE_SELF, &before);
    long start = now_ns();
    long end = start + duration * 1000000000L;
    long spacing = 20000000L / pairs;
    long sent = 0;
    for (long k = 0; now_ns() < end; k++) {
        long wait = start + k * spacing - now_ns();
        if (wait > 50000) {
            struct timespec pause = {0, wait};
            nanosleep(&pause, NULL);
        }
        int i = k % pairs;
        if (sendto(sending[i], datagram, sizeof datagram, 0, (struct sockaddr *) &targets[i], sizeof targets[i]) > 0) {
            sent++;
        }
    }
    running = 0;
    pthread_join(receiver, NULL);
    getrusage(RUSAGE_SELF, &after);
    double user = seconds(after.ru_utime) - seconds(before.ru_utime);
    double system = seconds(after.ru_stime) - seconds(before.ru_stime);
    long packets = sent + received;
    printf("pairs=%d nap_us=%d sent=%ld received=%ld cpu_us_per_packet=%.2f (user %.2f, system %.2f)\n", pairs,
           nap_us, sent, received, (user + system) * 1e6 / packets, user * 1e6 / packets, system * 1e6 / packets);
    return 0;
}
