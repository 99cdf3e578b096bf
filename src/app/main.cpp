// dangvu: the program an office runs. Wiring only; everything else is in the layers below.
#include "app/cli.h"

int main(int argc, char** argv) { return dangvu::app::run_cli(argc, argv); }
