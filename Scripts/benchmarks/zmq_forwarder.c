/* The stage-hop reference for Scripts/bench: the same topology as `newswire-bench stage`
 * (sender -> forwarder -> receiver over tcp loopback, 2-frame messages), with a forwarder
 * that copies frames with libzmq's C API and does nothing else. Prints one JSON object. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <zmq.h>

static void *ctx;
static char in_ep[256], out_ep[256];
static int count, size;

static void *forwarder(void *arg) {
    (void)arg;
    void *pull = zmq_socket(ctx, ZMQ_PULL), *push = zmq_socket(ctx, ZMQ_PUSH);
    zmq_connect(pull, in_ep);
    zmq_connect(push, out_ep);
    zmq_msg_t msg;
    zmq_msg_init(&msg);
    for (int i = 0; i < count; i++) {
        int more;
        do {
            zmq_msg_recv(&msg, pull, 0);
            more = zmq_msg_more(&msg);
            zmq_msg_send(&msg, push, more ? ZMQ_SNDMORE : 0);
        } while (more);
    }
    zmq_msg_close(&msg);
    int linger = 5000;
    zmq_setsockopt(push, ZMQ_LINGER, &linger, sizeof linger);
    zmq_close(pull);
    zmq_close(push);
    return NULL;
}

static void *sender(void *arg) {
    void *push = arg;
    char header[160] = "{\"v\":1,\"id\":\"m\",\"kind\":\"bench.item\",\"created\":\"2026-01-01T00:00:00.000Z\",\"trace\":[]}";
    char *body = calloc(1, size);
    for (int i = 0; i < count; i++) {
        zmq_send(push, header, sizeof header - 1, ZMQ_SNDMORE);
        zmq_send(push, body, size, 0);
    }
    free(body);
    return NULL;
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    count = argc > 1 ? atoi(argv[1]) : 100000;
    size = argc > 2 ? atoi(argv[2]) : 1024;
    ctx = zmq_ctx_new();
    void *into = zmq_socket(ctx, ZMQ_PUSH), *out = zmq_socket(ctx, ZMQ_PULL);
    zmq_bind(into, "tcp://127.0.0.1:*");
    zmq_bind(out, "tcp://127.0.0.1:*");
    size_t len = sizeof in_ep;
    zmq_getsockopt(into, ZMQ_LAST_ENDPOINT, in_ep, &len);
    len = sizeof out_ep;
    zmq_getsockopt(out, ZMQ_LAST_ENDPOINT, out_ep, &len);
    pthread_t f, s;
    pthread_create(&f, NULL, forwarder, NULL);
    pthread_create(&s, NULL, sender, into);
    zmq_msg_t msg;
    zmq_msg_init(&msg);
    double start = 0;
    for (int i = 0; i < count; i++) {
        int more;
        do {
            zmq_msg_recv(&msg, out, 0);
            more = zmq_msg_more(&msg);
        } while (more);
        if (i == 0) start = now();
    }
    double seconds = now() - start;
    pthread_join(s, NULL);
    pthread_join(f, NULL);
    printf("{\"messages\": %d, \"bytes\": %d, \"seconds\": %f, \"messagesPerSecond\": %f}\n", count, size, seconds, (count - 1) / seconds);
    return 0;
}
