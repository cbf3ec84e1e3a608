// Counts the twitter-text entities of its argument with the vendored C++ library.
#include <tweetdigest/text.hpp>

#include <iostream>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: count_entities TEXT\n";
        return 2;
    }
    const auto entities = td::extract_entities(argv[1]);
    std::cout << entities.size() << " entities, weighted length "
              << td::weighted_length(argv[1]).weighted_length << "\n";
    return 0;
}
