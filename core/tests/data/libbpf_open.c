// The oracle of core/tests/libbpf_open.rs: the first warning libbpf prints
// when it opens each object named on the command line, as
// `libbpf: MESSAGE`. Build it against each libbpf and run it inside
// core/tests/data/libbpf_open, so that libbpf's messages name the files as
// the test names them:
//
//   gcc open.c -o open11 -lbpf -lelf -lz         (Debian's libbpf-dev, 1.1)
//   gcc -I$L/include open.c -o open14 $L/lib/x86_64-linux-gnu/libbpf.a -lelf -lz
//                                                (L: the libbpf 1.4 kernel-diff unpacks)
//
// The test's table (libbpf_open.tsv) holds the message where both agree.
#include <stdarg.h>
#include <stdio.h>
#include <bpf/libbpf.h>

static int warn_only(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	if (level == LIBBPF_WARN)
		vfprintf(stdout, fmt, ap);
	return 0;
}

int main(int argc, char **argv)
{
	libbpf_set_print(warn_only);
	for (int i = 1; i < argc; i++) {
		struct bpf_object *obj;

		printf("== %s\n", argv[i]);
		obj = bpf_object__open_file(argv[i], NULL);
		printf("-> %ld\n", libbpf_get_error(obj));
		if (!libbpf_get_error(obj))
			bpf_object__close(obj);
	}
	return 0;
}
