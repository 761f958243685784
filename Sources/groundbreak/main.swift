import GroundbreakWeb
import Hummingbird
import ArgumentParser
import Configuration
print("hi")
