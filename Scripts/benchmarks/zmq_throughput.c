/* The transport reference for Scripts/bench: libzmq's C API alone, the same scenario as
 * `newswire-bench transport` (one process, a sender thread, PUSH -> PULL over tcp loopback).
 * Prints one JSON object. Build: cc -O2 zmq_throughput.c -lzmq -lpthread */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zmq.h>

static void *ctx;
static char endpoint[256];
static int count, size, frames;

static void *sender(void *arg) {
    (void)arg;
    void *push = zmq_socket(ctx, ZMQ_PUSH);
    zmq_connect(push, endpoint);
    int part = size / frames;
    char *buf = calloc(1, part > 0 ? part : 1);
    for (int i = 0; i < count; i++)
        for (int f = 0; f < frames; f++)
            zmq_send(push, buf, part, f < frames - 1 ? ZMQ_SNDMORE : 0);
    free(buf);
    zmq_close(push);
    return NULL;
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    count = argc > 1 ? atoi(argv[1]) : 200000;
    size = argc > 2 ? atoi(argv[2]) : 1024;
    frames = argc > 3 ? atoi(argv[3]) : 1;
    ctx = zmq_ctx_new();
    void *pull = zmq_socket(ctx, ZMQ_PULL);
    zmq_bind(pull, "tcp://127.0.0.1:*");
    size_t len = sizeof endpoint;
    zmq_getsockopt(pull, ZMQ_LAST_ENDPOINT, endpoint, &len);
    pthread_t t;
    pthread_create(&t, NULL, sender, NULL);
    zmq_msg_t msg;
    zmq_msg_init(&msg);
    double start = 0;
    for (int i = 0; i < count; i++) {
        int more;
        do {
            zmq_msg_recv(&msg, pull, 0);
            more = zmq_msg_more(&msg);
        } while (more);
        if (i == 0) start = now();
    }
    double seconds = now() - start;
    pthread_join(t, NULL);
    zmq_msg_close(&msg);
    zmq_close(pull);
    zmq_ctx_term(ctx);
    printf("{\"messages\": %d, \"bytes\": %d, \"frames\": %d, \"seconds\": %f, \"messagesPerSecond\": %f}\n",
           count, size, frames, seconds, (count - 1) / seconds);
    return 0;
}
