# prdlint: build, test and measure.
GO      ?= go
BIN     ?= bin/prdlint
EVAL    ?= ../shared/eval/dev.jsonl
SCORE   ?= ../shared/eval/score
# The accuracy floor CI holds the dev set to.
MIN_PRECISION ?= 0.75
MIN_F1        ?= 0.60

.PHONY: all build test vet fmt-check eval eval-floor bench clean

all: build

build:
	$(GO) build -o $(BIN) ./cmd/prdlint

test:
	$(GO) test ./...

vet:
	$(GO) vet ./...

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

# The scorer's report with every miss and false alarm.
eval: build
	$(SCORE) $(EVAL) --verbose -- $(BIN) lint --format json

# Fails when the dev set falls below the floor.
eval-floor: build
	$(SCORE) $(EVAL) --min-precision $(MIN_PRECISION) --min-f1 $(MIN_F1) -- $(BIN) lint --format json

# Go benchmarks (parse-only floor vs full lint), then prdlint against Vale
# as whole processes; see the Performance section of README.md.
bench:
	.ci/bench/gobench.sh
	.ci/bench/compare.sh

clean:
	rm -rf bin
